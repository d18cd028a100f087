import { sseData } from '../../nodes/RoutedChat/transport/sseData';

async function events(chunks: Array<string | Uint8Array>): Promise<string[]> {
	async function* from() {
		yield* chunks;
	}
	const seen: string[] = [];
	for await (const event of sseData(from())) seen.push(event);
	return seen;
}

describe('sseData', () => {
	it('yields each event, joining its data lines, skipping comments and other fields, until [DONE]', async () => {
		expect(
			await events([
				': OPENROUTER PROCESSING\n\n',
				'event: x\ndata: {"a":1}\n\n',
				'data: line one\ndata:line two\n\n',
				'data: [DONE]\n\n',
				'data: after done\n\n',
			]),
		).toEqual(['{"a":1}', 'line one\nline two']);
	});

	it.each([
		['LF', '\n'],
		['CRLF', '\r\n'],
		['CR', '\r'],
	])('reads %s line ends, split anywhere across chunks', async (_, end) => {
		const stream = `data: first${end}${end}data: second${end}${end}`;
		for (let cut = 1; cut < stream.length; cut++) {
			expect(await events([stream.slice(0, cut), '', stream.slice(cut)])).toEqual([
				'first',
				'second',
			]);
		}
	});

	it('joins a long line that arrives in many chunks, and a character split between them', async () => {
		const long = 'é'.repeat(50_000);
		const bytes = new TextEncoder().encode(`data: ${long}\n\n`);
		const chunks: Uint8Array[] = [];
		for (let at = 0; at < bytes.length; at += 777) chunks.push(bytes.slice(at, at + 777));
		expect(await events(chunks)).toEqual([long]);
	});

	it('yields the data lines a stream ends with, without the blank line after them', async () => {
		expect(await events(['data: last\n'])).toEqual(['last']);
	});
});
