import { ParameterError } from './parameterError';

/** An options parameter's value, refused naming the parameter when it is none of them (an expression can give anything). */
export function readChoice<T extends string>(
	value: unknown,
	parameter: string,
	label: string,
	choices: readonly T[],
): T {
	if (choices.includes(value as T)) return value as T;
	throw new ParameterError(
		parameter,
		`${label} is "${String(value)}"`,
		`An expression for ${label} must give ${choices.map((choice) => `"${choice}"`).join(', ')}`,
	);
}
