import type { ServerResponse } from 'node:http';

import type { Answer } from './chatCompletionBody';
import type { StreamFault, StreamGate } from './types';

/**
 * An answer sent as OpenRouter streams it (`stream: true`): server-sent events
 * after a `: OPENROUTER PROCESSING` comment, one `chat.completion.chunk` per
 * word (or tool-call piece), a chunk with the finish reason, a last chunk with
 * `usage` and no choices, then `data: [DONE]`.
 *
 * A fault breaks it after `afterChunks` content chunks (0: before the first
 * token): `stream-error` sends OpenRouter's mid-stream error event (HTTP status
 * stays 200, finish reason `error`) and ends; `stream-drop` closes the socket.
 * With a `gate` (and no fault), each content chunk is written only once the gate
 * for its index resolves.
 */
export async function sendStream(
	res: ServerResponse,
	answer: Answer,
	fault?: StreamFault,
	gate?: StreamGate,
): Promise<void> {
	res.writeHead(200, {
		'content-type': 'text/event-stream',
		'cache-control': 'no-cache',
		'x-generation-id': answer.generationId,
	});
	const base = {
		id: answer.generationId,
		object: 'chat.completion.chunk',
		created: Math.floor(Date.now() / 1000),
		model: answer.model,
		provider: answer.provider,
	};
	const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
		...base,
		choices: [
			{
				index: 0,
				delta,
				finish_reason: finishReason,
				native_finish_reason: finishReason,
				logprobs: null,
			},
		],
	});
	const pieces = [...reasoningChunks(answer), ...contentChunks(answer)].map((delta) =>
		chunk(delta),
	);
	const events: string[] = [': OPENROUTER PROCESSING\n\n'];
	const send = (value: unknown) => events.push(`data: ${JSON.stringify(value)}\n\n`);

	for (const piece of fault ? pieces.slice(0, fault.afterChunks) : pieces) send(piece);
	if (fault?.kind === 'stream-drop') {
		res.write(events.join(''), () => res.destroy());
		return;
	}
	if (fault?.kind === 'stream-error') {
		send({
			...chunk({ content: '' }, 'error'),
			error: { code: fault.code ?? 502, message: fault.message ?? 'Provider disconnected' },
		});
	} else {
		send(chunk({ content: '' }, answer.toolCalls ? 'tool_calls' : answer.finishReason));
		send({ ...base, choices: [], usage: answer.usage });
	}
	events.push('data: [DONE]\n\n');
	if (!gate || fault) {
		res.end(events.join(''));
		return;
	}
	res.write(events[0]);
	for (const [index, event] of events.slice(1, 1 + pieces.length).entries()) {
		await gate(index);
		if (res.destroyed) return;
		res.write(event);
	}
	res.end(events.slice(1 + pieces.length).join(''));
}

/** The reasoning first, a word per chunk, as OpenRouter streams `delta.reasoning` with empty content. */
function reasoningChunks(answer: Answer): Array<Record<string, unknown>> {
	const words = answer.reasoning?.match(/\S+\s*/g) ?? [];
	return words.map((word) => ({ role: 'assistant', content: '', reasoning: word }));
}

/** The deltas of the answer: words of the text or the refusal, or each tool call's name then its arguments in halves. */
function contentChunks(answer: Answer): Array<Record<string, unknown>> {
	if (answer.refusal)
		return words(answer.refusal).map((word) => ({
			role: 'assistant',
			content: null,
			refusal: word,
		}));
	if (answer.toolCalls) {
		return answer.toolCalls.flatMap((call, index) => {
			const half = Math.ceil(call.function.arguments.length / 2);
			return [
				{
					role: 'assistant',
					tool_calls: [
						{
							index,
							id: call.id,
							type: 'function',
							function: { name: call.function.name, arguments: '' },
						},
					],
				},
				{
					tool_calls: [{ index, function: { arguments: call.function.arguments.slice(0, half) } }],
				},
				{ tool_calls: [{ index, function: { arguments: call.function.arguments.slice(half) } }] },
			];
		});
	}
	return words(answer.content).map((word, index) =>
		index === 0 ? { role: 'assistant', content: word } : { content: word },
	);
}

function words(text: string): string[] {
	return text.match(/\S+\s*/g) ?? [text];
}
