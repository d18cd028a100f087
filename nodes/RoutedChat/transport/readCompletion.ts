import { type ChatCompletion, GatewayError, type Usage } from '../core';
import { fastSafeParse } from './fastSafeParse';
import {
	type CompletionBody,
	completionSchema,
	type ErrorBody,
	errorBodySchema,
} from './gatewaySchema';
import { describeError } from './readErrorResponse';
import { readToolCalls } from './toolWire';

type UsageBody = NonNullable<CompletionBody['usage']>;
type MessageContent = NonNullable<CompletionBody['choices'][number]['message']>['content'];

const parseCompletion = fastSafeParse(completionSchema);

/** Turns a gateway's 200 body into a completion, or says why it cannot be one. */
export function readCompletion(body: unknown): ChatCompletion {
	// Only a body with an `error` field can be an error report; probing every answer with that schema too doubled this function's cost.
	const reportedError = hasErrorField(body) ? errorBodySchema.safeParse(body) : undefined;
	if (reportedError?.success) throw gatewayReported(reportedError.data.error);
	const parsed = parseCompletion(body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new GatewayError(
			'malformed_response',
			`Malformed response: ${issue.path.join('.') || 'body'}: ${issue.message}`,
		);
	}
	const { id, model, provider, choices, usage } = parsed.data;
	const choice = choices[0];
	// An answer without text is billed all the same: the core keeps its cost and fails it as empty.
	if (!choice)
		throw new GatewayError('empty_response', 'Empty response: the model returned no content');
	const content = messageText(choice.message?.content);
	const toolCalls = readToolCalls(choice.message?.tool_calls);
	const refusal = choice.message?.refusal || undefined;
	return {
		id: id ?? null,
		model,
		provider: provider ?? null,
		content,
		...(refusal && { refusal }),
		reasoning: choice.message?.reasoning || null,
		toolCalls,
		finishReason: choice.finish_reason ?? null,
		...(choice.finish_reason === 'error' && {
			finishError: reportedText(choice.error ?? FINISHED_WITH_ERROR),
		}),
		usage: usage ? readUsage(usage) : null,
		...gatewayCost(usage),
		raw: body,
	};
}

/** The gateway's usage object in the core's names (shared by whole and streamed answers). */
export function readUsage(usage: UsageBody): Usage {
	return {
		promptTokens: usage.prompt_tokens,
		completionTokens: usage.completion_tokens,
		totalTokens: usage.total_tokens ?? usage.prompt_tokens + usage.completion_tokens,
		cachedTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
		cacheWriteTokens: usage.prompt_tokens_details?.cache_write_tokens ?? 0,
		reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
	};
}

/** What a stream or an answer that finished with an error says when the gateway gave no reason. */
export const FINISHED_WITH_ERROR = { message: 'the answer finished with an error' };

/** An error OpenRouter reported in a 200 answer, as text. */
export function reportedText(error: ErrorBody['error']): string {
	return `Gateway reported an error${error.code ? ` (${error.code})` : ''}: ${describeError(error)}`;
}

/** An error OpenRouter reported in place of an answer, as the core's error. */
function gatewayReported(error: ErrorBody['error']): GatewayError {
	const status = typeof error.code === 'number' ? error.code : undefined;
	return new GatewayError('upstream_error', reportedText(error), status);
}

function messageText(content: MessageContent): string {
	if (typeof content === 'string') return content;
	let text = '';
	for (const part of content ?? []) if (part.type === 'text') text += part.text ?? '';
	return text;
}

function hasErrorField(body: unknown): boolean {
	return typeof body === 'object' && body !== null && 'error' in body;
}

/**
 * What the call cost the user as OpenRouter reports it: its own charge, plus,
 * with the user's own provider key (BYOK), what that provider charged the key.
 */
export function gatewayCost(
	usage: CompletionBody['usage'],
): Pick<ChatCompletion, 'gatewayCostUsd' | 'upstreamCostUsd'> {
	// With `is_byok: false` the figure is what OpenRouter paid the provider, already inside `cost`; answers without the flag report it for BYOK only.
	const upstream =
		usage?.is_byok === false ? null : (usage?.cost_details?.upstream_inference_cost ?? null);
	if (usage?.cost === undefined || usage.cost === null)
		return { gatewayCostUsd: upstream, upstreamCostUsd: upstream };
	return {
		gatewayCostUsd: upstream === null ? usage.cost : usage.cost + upstream,
		upstreamCostUsd: upstream,
	};
}
