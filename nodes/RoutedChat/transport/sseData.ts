/**
 * Server-sent events framing (the WHATWG rules OpenRouter's stream follows):
 * events end at a blank line; `data:` lines of one event join with "\n";
 * comment lines (`: OPENROUTER PROCESSING`) and other fields are ignored.
 * Yields each event's data until `[DONE]`. Input chunks may split lines,
 * and even UTF-8 characters, anywhere.
 */
export async function* sseData(
	chunks: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<string, void, undefined> {
	const decoder = new TextDecoder();
	let buffer = '';
	let data: string[] = [];
	for await (const chunk of chunks) {
		buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
		let newline: number;
		while ((newline = buffer.search(/\r\n|\r|\n/)) !== -1) {
			// A "\r" ending the chunk may be the first half of "\r\n".
			if (buffer[newline] === '\r' && newline === buffer.length - 1) break;
			const line = buffer.slice(0, newline);
			buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
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
	}
	if (data.length && data.join('\n') !== '[DONE]') yield data.join('\n');
}
