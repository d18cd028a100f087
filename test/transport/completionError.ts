import type { HttpSend } from '../../nodes/RoutedChat/transport/httpExchange';
import { createHttpChatClient } from '../../nodes/RoutedChat/transport/httpChatClient';

/** What the node's client throws for one chat request over `send`. */
export async function completionError(send: HttpSend, openRouter = true): Promise<unknown> {
	const client = createHttpChatClient(send, {
		baseUrl: 'http://127.0.0.1:1/v1',
		headers: {},
		openRouter,
	});
	return await client
		.complete(
			{ model: 'a/model', messages: [{ role: 'user', content: 'Hi' }], completion: {} },
			{ timeoutMs: 5_000 },
		)
		.catch((caught: unknown) => caught);
}
