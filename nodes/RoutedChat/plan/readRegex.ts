import { ParameterError } from './parameterError';

/** A user's regex, case-insensitive, with a clear error when it does not compile. */
export function readRegex(source: unknown, parameter: string): RegExp {
	const text = typeof source === 'string' ? source : '';
	if (!text) throw new ParameterError(parameter, 'The regex is empty');
	try {
		return new RegExp(text, 'i');
	} catch (error) {
		throw new ParameterError(parameter, `"${text}" is not a valid regex: ${(error as Error).message}`);
	}
}
