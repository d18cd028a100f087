/** Parses a JSON answer, tolerating the code fence some models wrap it in. */
export function parseJsonAnswer(content: string): { ok: true; value: unknown } | { ok: false; error: string } {
	const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(content);
	try {
		return { ok: true, value: JSON.parse(fenced ? fenced[1] : content) };
	} catch (error) {
		return { ok: false, error: `The answer is not valid JSON: ${(error as Error).message}` };
	}
}
