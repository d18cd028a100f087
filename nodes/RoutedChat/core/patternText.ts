/**
 * Rules and Checks patterns come from the workflow author but run on untrusted text (a prompt
 * built from item data, a model's answer). They see at most its first 100,000 characters, so a
 * 1 MB answer cannot make a pattern scan for long: the node's patterns read each character once
 * (textPattern.ts), so the work is bounded by this length times the pattern's size.
 */
export const PATTERN_TEXT_LIMIT = 100_000;

/** The part of `text` a Rules or Checks pattern is tested against. */
export function patternText(text: string): string {
	return text.length > PATTERN_TEXT_LIMIT ? text.slice(0, PATTERN_TEXT_LIMIT) : text;
}
