import { attempt, compilePattern, PatternError, type PatternFlag, type TextPattern } from '../core';
import { ParameterError } from './parameterError';

/**
 * A user's regex, case-insensitive, with a clear error when it does not compile. It is matched in
 * linear time (core/textPattern.ts), since it runs on item data and model answers.
 */
export function readRegex(source: unknown, parameter: string): TextPattern {
	if (typeof source !== 'string') throw new ParameterError(parameter, 'The regex must be text');
	if (!source) throw new ParameterError(parameter, 'The regex is empty');
	const compiled = compileRegex(source, 'i', (text) => `"${text}"`);
	if ('problem' in compiled) throw new ParameterError(parameter, compiled.problem);
	return compiled.pattern;
}

/**
 * A regex as RegExp reads it with `flag`, compiled to match without backtracking; or why it cannot
 * be, naming the source as `quote` writes it: not a valid regex, or one only backtracking matches.
 */
export function compileRegex(
	source: string,
	flag: PatternFlag,
	quote: (source: string) => string,
): { pattern: TextPattern } | { problem: string } {
	const valid = attempt(() => new RegExp(source, flag));
	if (!valid.ok)
		return { problem: `${quote(source)} is not a valid regex: ${(valid.error as Error).message}` };
	const compiled = attempt(() => compilePattern(source, flag));
	if (compiled.ok) return { pattern: compiled.value };
	if (!(compiled.error instanceof PatternError)) throw compiled.error;
	return { problem: `${quote(source)}: ${compiled.error.message}` };
}
