/**
 * Rules and Checks patterns come from the workflow author but run on untrusted text (a prompt
 * built from item data, a model's answer). They see at most its first 100,000 characters, so a
 * 1 MB answer cannot make an ordinary pattern scan for long; a pattern that backtracks
 * exponentially is still the author's to avoid.
 */
export const PATTERN_TEXT_LIMIT = 100_000;

/** The part of `text` a Rules or Checks pattern is tested against. */
export function patternText(text: string): string {
	return text.length > PATTERN_TEXT_LIMIT ? text.slice(0, PATTERN_TEXT_LIMIT) : text;
}
