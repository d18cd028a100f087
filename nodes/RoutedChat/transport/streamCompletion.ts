import {
	type CallOptions,
	type ChatCompletion,
	type ChatRequest,
	GatewayError,
	settle,
	type StreamDelta,
} from '../core';
import type { TimeoutSignal } from './attemptTimeout';
import { gatewayRequest } from './gatewayRequest';
import type { GatewayConfig } from './httpChatClient';
import type { HttpOpenStream } from './httpExchange';
import { readErrorResponse } from './readErrorResponse';
import { readCompletionStream } from './readStream';
import { requestBody } from './requestBody';
import { sendAttempt } from './sendAttempt';

/**
 * One `stream: true` request: the attempt's time limit and cancel signal cover
 * the whole answer, as for a whole one, so a stream that stalls mid-answer ends
 * too, its connection closed; an error status is read as one; the events are
 * read as they arrive. A connection that breaks while streaming is a connection
 * failure, a cancel an abort.
 */
export async function streamCompletion(
	open: HttpOpenStream,
	config: GatewayConfig,
	request: ChatRequest,
	options: CallOptions,
	timeoutSignal: TimeoutSignal,
	onDelta: (delta: StreamDelta) => void,
): Promise<ChatCompletion> {
	const body = {
		...requestBody(request, config.openRouter),
		stream: true,
		// OpenRouter always ends a stream with usage; OpenAI-compatible servers only when asked.
		...(config.openRouter ? {} : { stream_options: { include_usage: true } }),
	};
	return await sendAttempt(
		async (sent) => {
			const response = await open(sent);
			if (response.status < 200 || response.status > 299) {
				throw readErrorResponse({ ...response, body: await collectText(response.body) });
			}
			return await readCompletionStream(guarded(response.body, sent.signal), onDelta);
		},
		gatewayRequest(config, 'POST', '/chat/completions', body, 'text/event-stream'),
		options,
		timeoutSignal,
	);
}

/**
 * The body's chunks, with a cancel or a broken connection turned into the core's failures. The
 * attempt's signal (cancel or timeout) closes the connection, which ends a chunk awaited.
 */
async function* guarded(
	body: AsyncIterable<Uint8Array | string>,
	signal: AbortSignal,
): AsyncGenerator<Uint8Array | string> {
	const chunks = body[Symbol.asyncIterator]();
	for (;;) {
		const next = await settle(chunks.next());
		if (signal.aborted) throw new GatewayError('aborted', 'Cancelled');
		if (!next.ok) {
			const reason = next.error instanceof Error ? next.error.message : String(next.error);
			throw new GatewayError('connection', `The stream broke: ${reason}`);
		}
		if (next.value.done) return;
		yield next.value.value;
	}
}

async function collectText(body: AsyncIterable<Uint8Array | string>): Promise<string> {
	const decoder = new TextDecoder();
	let text = '';
	for await (const chunk of body)
		text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
	return text;
}
