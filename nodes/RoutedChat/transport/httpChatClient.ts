import { attempt, type CallOptions, type ChatClient, GatewayError } from '../core';
import { type TimeoutSignal, timerTimeout } from './attemptTimeout';
import { gatewayRequest } from './gatewayRequest';
import type { HttpOpenStream, HttpResponse, HttpSend } from './httpExchange';
import { readCompletion } from './readCompletion';
import { readErrorResponse } from './readErrorResponse';
import { readGenerationStats } from './readGenerationStats';
import { readModels } from './readModels';
import { requestBody } from './requestBody';
import { sendAttempt } from './sendAttempt';
import { streamCompletion } from './streamCompletion';

export interface GatewayConfig {
	/** Without a trailing slash, e.g. https://openrouter.ai/api/v1; a query, if any, is kept (baseUrl.ts). */
	baseUrl: string;
	/** Sent with every request besides the key (which the sender adds). */
	headers: Record<string, string>;
	/** Whether the gateway takes OpenRouter's own fields and fails over within `models` (baseUrl.ts). */
	openRouter: boolean;
}

/**
 * The ChatClient over any HttpSend: OpenAI-compatible requests, OpenRouter's
 * answers and errors; with `openStream`, streamed answers too.
 */
export function createHttpChatClient(
	send: HttpSend,
	config: GatewayConfig,
	openStream?: HttpOpenStream,
	timeoutSignal: TimeoutSignal = timerTimeout,
): ChatClient {
	async function exchange(
		method: 'GET' | 'POST',
		path: string,
		body: object | undefined,
		options: CallOptions,
	): Promise<unknown> {
		const response = await sendAttempt(
			send,
			gatewayRequest(config, method, path, body),
			options,
			timeoutSignal,
		);
		if (response.status < 200 || response.status > 299) throw readErrorResponse(response);
		return parseJson(response);
	}
	return {
		// Without OpenRouter's `models`, the core walks the chain one model per request.
		modelsPerRequest: config.openRouter ? undefined : 1,
		complete: async (request, options) =>
			readCompletion(
				await exchange(
					'POST',
					'/chat/completions',
					requestBody(request, config.openRouter),
					options,
				),
			),
		listModels: async (options) => readModels(await exchange('GET', '/models', undefined, options)),
		// Only OpenRouter keeps a generation's stats.
		...(config.openRouter && {
			generationStats: async (id: string, options: CallOptions) =>
				readGenerationStats(
					await exchange('GET', `/generation?id=${encodeURIComponent(id)}`, undefined, options),
				),
		}),
		...(openStream && {
			stream: async (request, options, onDelta) =>
				await streamCompletion(openStream, config, request, options, timeoutSignal, onDelta),
		}),
	};
}

function parseJson(response: HttpResponse): unknown {
	const parsed = attempt(() => JSON.parse(response.body) as unknown);
	if (parsed.ok) return parsed.value;
	const reason = parsed.error instanceof Error ? parsed.error.message : String(parsed.error);
	throw new GatewayError('malformed_response', `Malformed response: ${reason}`);
}
