import OpenAI from 'openai';

import type { CallOptions, ChatClient, ChatRequest } from './chatClient';
import { readCompletion } from './readCompletion';
import { readModels } from './readModels';
import { requestBody } from './requestBody';

export interface OpenAiClientConfig {
	baseUrl: string;
	/** Sent as the bearer token; a transport that authenticates by itself may pass a placeholder. */
	apiKey: string;
	headers?: Record<string, string>;
	/** Where requests go out; defaults to the global fetch. */
	fetch?: typeof fetch;
}

/**
 * The gateway through the openai SDK: it builds and sends requests and maps
 * HTTP failures to its typed errors; its own retries are off because the
 * routing core owns retry and failover.
 */
export function createOpenAiChatClient(config: OpenAiClientConfig): ChatClient {
	const openai = new OpenAI({
		baseURL: config.baseUrl,
		apiKey: config.apiKey,
		defaultHeaders: config.headers,
		fetch: config.fetch,
		maxRetries: 0,
	});
	return {
		async complete(request: ChatRequest, options: CallOptions) {
			const body = requestBody(request) as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming;
			const raw: unknown = await openai.chat.completions.create(body, {
				signal: options.signal,
				timeout: options.timeoutMs,
			});
			return readCompletion(raw);
		},
		async listModels(options: CallOptions) {
			const raw: unknown = await openai.get('/models', { signal: options.signal, timeout: options.timeoutMs });
			return readModels(raw);
		},
	};
}
