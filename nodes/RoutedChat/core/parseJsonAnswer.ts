import { attempt } from './settle';

const FENCE = '```';
const LANGUAGE = 'json';

/** Parses a JSON answer, tolerating the code fence some models wrap it in. */
export function parseJsonAnswer(
	content: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
	const parsed = attempt(() => JSON.parse(unfence(content)) as unknown);
	return parsed.ok
		? parsed
		: { ok: false, error: `The answer is not valid JSON: ${(parsed.error as Error).message}` };
}

/**
 * The inside of a whole-answer fence (```` ```json … ``` ````, any case, blanks around), else the
 * answer as is. Native string scans only: this runs on untrusted text, where a backtracking regex
 * took seconds on an unclosed fence followed by blank lines.
 */
function unfence(content: string): string {
	const start = content.length - content.trimStart().length;
	if (!content.startsWith(FENCE, start)) return content;
	const opened = start + FENCE.length;
	const close = content.lastIndexOf(FENCE);
	if (close < opened || content.slice(close + FENCE.length).trim()) return content;
	const tagged = content.slice(opened, opened + LANGUAGE.length).toLowerCase() === LANGUAGE;
	return content.slice(tagged ? opened + LANGUAGE.length : opened, close).trim();
}
