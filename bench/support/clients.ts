import type { ChatClient } from '../../nodes/RoutedChat/core';
import { fetchChatClient } from '../../test/transport/loopbackClient';
import type { BenchGateway } from './mockGateway';
import { PROMPT } from './plan';

/** The client routeChat sends through in the bench: the node's own HTTP client, over Node's fetch. */
export function routedClient(gateway: Pick<BenchGateway, 'baseUrl' | 'apiKey'>): ChatClient {
	return fetchChatClient(gateway);
}

/**
 * The bare client each row compares with: the body routeChat sends for a
 * pinned model with default options, POSTed with Node's fetch and the answer
 * parsed, nothing else. What routeChat takes beyond it is ours.
 */
export function bareChat(
	gateway: BenchGateway,
	model: string,
	prompt = PROMPT,
): () => Promise<unknown> {
	const url = `${gateway.baseUrl}/chat/completions`;
	const headers = { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' };
	const body = JSON.stringify({
		model,
		messages: [{ role: 'user', content: prompt }],
		usage: { include: true },
	});
	return async () => {
		const response = await fetch(url, { method: 'POST', headers, body });
		const answer: unknown = await response.json();
		if (!response.ok) throw new Error(`The mock answered ${response.status}`);
		return answer;
	};
}
