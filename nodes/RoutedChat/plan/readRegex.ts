import { attempt } from '../core';
import { ParameterError } from './parameterError';

/** A user's regex, case-insensitive, with a clear error when it does not compile. */
export function readRegex(source: unknown, parameter: string): RegExp {
	const text = typeof source === 'string' ? source : '';
	if (!text) throw new ParameterError(parameter, 'The regex is empty');
	const compiled = attempt(() => new RegExp(text, 'i'));
	if (!compiled.ok)
		throw new ParameterError(
			parameter,
			`"${text}" is not a valid regex: ${(compiled.error as Error).message}`,
		);
	return compiled.value;
}
