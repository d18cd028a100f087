import { attempt } from './settle';

/** Parses a JSON answer, tolerating the code fence some models wrap it in. */
export function parseJsonAnswer(
	content: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
	const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(content);
	const parsed = attempt(() => JSON.parse(fenced ? fenced[1] : content) as unknown);
	return parsed.ok
		? parsed
		: { ok: false, error: `The answer is not valid JSON: ${(parsed.error as Error).message}` };
}
