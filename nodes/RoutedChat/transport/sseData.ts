/**
 * Server-sent events framing (the WHATWG rules OpenRouter's stream follows):
 * events end at a blank line; `data:` lines of one event join with "\n";
 * comment lines (`: OPENROUTER PROCESSING`) and other fields are ignored.
 * Yields each event's data until `[DONE]`. Input chunks may split lines,
 * and even UTF-8 characters, anywhere. Each chunk is scanned once and a line
 * split over many chunks is joined once: searching a growing buffer on every
 * chunk took seconds on one 8 MB line.
 */
export async function* sseData(
	chunks: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<string, void, undefined> {
	const decoder = new TextDecoder();
	/** The start of a line that has not ended yet, as it arrived. */
	let pending: string[] = [];
	/** The last chunk ended with "\r": a "\n" opening the next belongs to it. */
	let afterCarriageReturn = false;
	let data: string[] = [];
	for await (const chunk of chunks) {
		const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
		if (!text) continue;
		let start = afterCarriageReturn && text.startsWith('\n') ? 1 : 0;
		for (let end = lineEnd(text, start); end !== -1; end = lineEnd(text, start)) {
			const line = pending.length
				? pending.join('') + text.slice(start, end)
				: text.slice(start, end);
			pending = [];
			start = end + (text.startsWith('\r\n', end) ? 2 : 1);
			if (line === '') {
				if (data.length) {
					const event = data.join('\n');
					data = [];
					if (event === '[DONE]') return;
					yield event;
				}
			} else if (line.startsWith('data:')) {
				data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
			}
		}
		if (start < text.length) pending.push(text.slice(start));
		afterCarriageReturn = text.endsWith('\r');
	}
	if (data.length && data.join('\n') !== '[DONE]') yield data.join('\n');
}

/** The index of the next "\r" or "\n" from `from`, or -1. */
function lineEnd(text: string, from: number): number {
	for (let at = from; at < text.length; at++) {
		const code = text.charCodeAt(at);
		if (code === 0x0a || code === 0x0d) return at;
	}
	return -1;
}
