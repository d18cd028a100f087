import type { ChatRequestBody, MockGateway, MockModel } from './types';

export interface CallOptions {
	/** The bearer key to send; null sends none. Defaults to the gateway's key. */
	apiKey?: string | null;
	body?: unknown;
	signal?: AbortSignal;
}

/** Calls the gateway the way an OpenAI-compatible client would. */
export function call(
	gateway: MockGateway,
	method: string,
	path: string,
	options: CallOptions = {},
): Promise<Response> {
	const apiKey = options.apiKey === undefined ? gateway.apiKey : options.apiKey;
	return fetch(`${gateway.baseUrl}${path}`, {
		method,
		headers: {
			...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
			...(apiKey === null ? {} : { authorization: `Bearer ${apiKey}` }),
		},
		body: options.body === undefined ? undefined : JSON.stringify(options.body),
		signal: options.signal,
	});
}

export function postChat(
	gateway: MockGateway,
	body: ChatRequestBody,
	options: Omit<CallOptions, 'body'> = {},
): Promise<Response> {
	return call(gateway, 'POST', '/chat/completions', { ...options, body });
}

export function chatRequest(
	models: string | string[],
	question = 'What is the capital of France?',
): ChatRequestBody {
	const messages = [{ role: 'user', content: question }];
	return typeof models === 'string' ? { model: models, messages } : { models, messages };
}

export function cheapModel(id: string, overrides: Partial<MockModel> = {}): MockModel {
	return { id, pricing: { prompt: '0.00000015', completion: '0.0000006' }, ...overrides };
}
