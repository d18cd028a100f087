import OpenAI from 'openai';
import type { RequestOptions } from 'openai/internal/request-options';

import type { CallOptions, ChatClient, ChatRequest } from './chatClient';
import { GatewayError } from './gatewayError';
import { settle } from './settle';
import { readCompletion } from './readCompletion';
import { readModels } from './readModels';
import { requestBody } from './requestBody';

/** What the client's fetch receives: the attempt's time limit rides along, for transports that can enforce it themselves. */
export interface AttemptRequestInit extends RequestInit {
	attemptTimeoutMs?: number;
}

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
			return readCompletion(
				await withTimeout(options, (call) => openai.chat.completions.create(body, call)),
			);
		},
		async listModels(options: CallOptions) {
			return readModels(await withTimeout(options, (call) => openai.get('/models', call)));
		},
	};
}

/**
 * Our own per-attempt deadline, told apart from the caller's cancel by which
 * signal fired: that holds whatever fetch sits underneath (n8n's, or undici's).
 */
async function withTimeout<T>(
	options: CallOptions,
	send: (call: RequestOptions) => PromiseLike<T>,
): Promise<T> {
	const deadline = AbortSignal.timeout(options.timeoutMs);
	const { signal, release } = options.signal
		? either(options.signal, deadline)
		: { signal: deadline, release: () => {} };
	// The SDK's own timer is a backstop only; ours fires first.
	const outcome = await settle(
		send({
			signal,
			timeout: options.timeoutMs + 1000,
			fetchOptions: {
				attemptTimeoutMs: options.timeoutMs,
			} as AttemptRequestInit as RequestOptions['fetchOptions'],
		}),
	);
	release();
	if (outcome.ok) return outcome.value;
	throw deadline.aborted && !options.signal?.aborted
		? new GatewayError('timeout', `No answer within the ${options.timeoutMs} ms attempt timeout`)
		: outcome.error;
}

/**
 * AbortSignal.any([caller, deadline]) by listeners that the attempt removes when
 * it ends: a composite signal with a timeout among its sources stays on the heap
 * until the timer fires (about 0.8 KB per attempt for the whole attempt timeout),
 * so a long batch sharing the execution's signal grew with every item.
 */
function either(
	caller: AbortSignal,
	deadline: AbortSignal,
): { signal: AbortSignal; release: () => void } {
	const attempt = new AbortController();
	const abort = () => attempt.abort(caller.aborted ? caller.reason : deadline.reason);
	if (caller.aborted) abort();
	caller.addEventListener('abort', abort, { once: true });
	deadline.addEventListener('abort', abort, { once: true });
	return {
		signal: attempt.signal,
		release: () => {
			caller.removeEventListener('abort', abort);
			deadline.removeEventListener('abort', abort);
		},
	};
}
