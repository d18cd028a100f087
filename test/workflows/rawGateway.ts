import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a raw gateway received: the path with its query, and the Authorization header. */
export interface RawRequest {
	method: string;
	url: string;
	authorization?: string;
}

export interface RawGateway {
	/** e.g. http://127.0.0.1:PORT, without a path. */
	origin: string;
	requests: RawRequest[];
	close(): Promise<void>;
}

/**
 * A loopback HTTP server answering every request with `answer`: for a gateway that misbehaves in a
 * way the mock gateway has no script for (a redirect, a stream split anywhere, a strange header).
 */
export async function startRawGateway(
	answer: (request: IncomingMessage, response: ServerResponse) => void,
	host = '127.0.0.1',
): Promise<RawGateway> {
	const requests: RawRequest[] = [];
	const server = createServer((request, response) => {
		requests.push({
			method: request.method ?? 'GET',
			url: request.url ?? '',
			authorization: request.headers.authorization,
		});
		request.resume();
		answer(request, response);
	});
	await new Promise<void>((resolve) => server.listen(0, host, resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
		requests,
		close: async () =>
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

/** A chat completion streamed as server-sent events, its content in exactly these pieces. */
export function streamPieces(response: ServerResponse, model: string, pieces: string[]): void {
	const chunk = (delta: object, finishReason: string | null = null) =>
		`data: ${JSON.stringify({
			id: 'gen-raw',
			object: 'chat.completion.chunk',
			model,
			choices: [{ index: 0, delta, finish_reason: finishReason }],
		})}\n\n`;
	response.writeHead(200, { 'content-type': 'text/event-stream' });
	response.end(
		[
			...pieces.map((content) => chunk({ content })),
			chunk({}, 'stop'),
			`data: ${JSON.stringify({
				id: 'gen-raw',
				object: 'chat.completion.chunk',
				model,
				choices: [],
				usage: {
					prompt_tokens: 3,
					completion_tokens: pieces.length,
					total_tokens: 3 + pieces.length,
				},
			})}\n\n`,
			'data: [DONE]\n\n',
		].join(''),
	);
}
