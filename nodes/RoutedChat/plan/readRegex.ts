import { attempt, compilePattern, PatternError, type TextPattern } from '../core';
import { ParameterError } from './parameterError';

/**
 * A user's regex, case-insensitive, with a clear error when it does not compile. It is matched in
 * linear time (core/textPattern.ts), since it runs on item data and model answers.
 */
export function readRegex(source: unknown, parameter: string): TextPattern {
	if (typeof source !== 'string') throw new ParameterError(parameter, 'The regex must be text');
	if (!source) throw new ParameterError(parameter, 'The regex is empty');
	const valid = attempt(() => new RegExp(source, 'i'));
	if (!valid.ok)
		throw new ParameterError(
			parameter,
			`"${source}" is not a valid regex: ${(valid.error as Error).message}`,
		);
	const compiled = attempt(() => compilePattern(source));
	if (!compiled.ok) {
		if (!(compiled.error instanceof PatternError)) throw compiled.error;
		throw new ParameterError(parameter, `"${source}": ${compiled.error.message}`);
	}
	return compiled.value;
}
