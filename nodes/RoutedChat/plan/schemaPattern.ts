import { compilePattern, type TextPattern } from '../core';

/** More distinct patterns than any schema has; the cache restarts beyond it. */
const MAX_KEPT = 256;
const kept = new Map<string, TextPattern>();

/**
 * A JSON Schema `pattern` or `patternProperties` key as the schema validator matches it, in place
 * of RegExp (scripts/linearSchemaPatterns.cjs): what RegExp with the `u` flag would match, in time
 * linear in the text. The validator asks again for every string and key it checks, so compiled
 * patterns are kept.
 */
export function schemaPattern(source: string): TextPattern {
	let pattern = kept.get(source);
	if (!pattern) {
		if (kept.size >= MAX_KEPT) kept.clear();
		pattern = compilePattern(source, 'u');
		kept.set(source, pattern);
	}
	return pattern;
}
