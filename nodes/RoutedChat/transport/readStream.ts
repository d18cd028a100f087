import type { z } from 'zod';

import {
	attempt,
	type ChatCompletion,
	GatewayError,
	type StreamDelta,
	type ToolCall,
} from '../core';
import { fastSafeParse } from './fastSafeParse';
import { chunkSchema, type usageSchema } from './gatewaySchema';
import { FINISHED_WITH_ERROR, gatewayCost, readUsage, reportedText } from './readCompletion';
import { describeError } from './readErrorResponse';
import { sseData } from './sseData';

const parseChunk = fastSafeParse(chunkSchema);

/**
 * Reads a `stream: true` answer: hands each text or tool-call delta to
 * `onDelta` as it arrives and returns the whole completion (usage and cost from
 * the final chunk). An `error` event, a chunk that is not the wire format, or a
 * stream that ends without a finish reason is a GatewayError, as for a whole answer.
 */
export async function readCompletionStream(
	chunks: AsyncIterable<Uint8Array | string>,
	onDelta: (delta: StreamDelta) => void,
): Promise<ChatCompletion> {
	const calls: Array<{ id: string; name: string; arguments: string }> = [];
	let id: string | null = null;
	let model = '';
	let provider: string | null = null;
	let content = '';
	let reasoning = '';
	let refusal = '';
	let finishReason: string | null = null;
	let usage: z.infer<typeof usageSchema> | null = null;

	for await (const data of sseData(chunks)) {
		const json = attempt(() => JSON.parse(data) as unknown);
		const parsed = parseChunk(json.ok ? json.value : undefined);
		if (!parsed.success) {
			throw new GatewayError('malformed_response', `Malformed stream event: ${data.slice(0, 200)}`);
		}
		const chunk = parsed.data;
		if (chunk.error) {
			const status = typeof chunk.error.code === 'number' ? chunk.error.code : undefined;
			throw new GatewayError(
				'upstream_error',
				`Gateway reported an error mid-stream: ${describeError(chunk.error)}`,
				status,
			);
		}
		id ??= chunk.id ?? null;
		model ||= chunk.model ?? '';
		provider ??= chunk.provider ?? null;
		usage = chunk.usage ?? usage;
		const choice = chunk.choices?.[0];
		if (!choice) continue;
		finishReason = choice.finish_reason ?? finishReason;
		reasoning += choice.delta?.reasoning ?? '';
		refusal += choice.delta?.refusal ?? '';
		const text = choice.delta?.content;
		if (text) {
			content += text;
			onDelta({ type: 'text', text });
		}
		for (const call of choice.delta?.tool_calls ?? []) {
			const known = (calls[call.index] ??= { id: '', name: '', arguments: '' });
			if (call.id) known.id = call.id;
			// A provider may repeat the name in each chunk of the call: it is the name, not a piece of it.
			if (call.function?.name) known.name = call.function.name;
			if (call.function?.arguments) known.arguments += call.function.arguments;
			onDelta({
				type: 'tool-call',
				index: call.index,
				id: call.id ?? undefined,
				name: call.function?.name ?? undefined,
				arguments: call.function?.arguments ?? undefined,
			});
		}
	}
	if (!finishReason) {
		throw new GatewayError('malformed_response', 'The stream ended before the answer was complete');
	}
	const toolCalls: ToolCall[] = calls.filter(Boolean);
	return {
		id,
		model,
		provider,
		content,
		...(refusal && { refusal }),
		reasoning: reasoning || null,
		toolCalls: toolCalls.length ? toolCalls : undefined,
		finishReason,
		...(finishReason === 'error' && { finishError: reportedText(FINISHED_WITH_ERROR) }),
		usage: usage ? readUsage(usage) : null,
		...gatewayCost(usage),
		raw: null,
	};
}
