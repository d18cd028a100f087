import { type ChatCompletion, GatewayError, type Usage } from '../core';
import { fastSafeParse } from './fastSafeParse';
import { type CompletionBody, completionSchema, errorBodySchema } from './gatewaySchema';
import { readToolCalls } from './toolWire';

type UsageBody = NonNullable<CompletionBody['usage']>;

const parseCompletion = fastSafeParse(completionSchema);

/** Turns a gateway's 200 body into a completion, or says why it cannot be one. */
export function readCompletion(body: unknown): ChatCompletion {
	// Only a body with an `error` field can be an error report; probing every answer with that schema too doubled this function's cost.
	const reportedError = hasErrorField(body) ? errorBodySchema.safeParse(body) : undefined;
	if (reportedError?.success) {
		const { code, message } = reportedError.data.error;
		const status = typeof code === 'number' ? code : undefined;
		throw new GatewayError(
			'upstream_error',
			`Gateway reported an error${code ? ` (${code})` : ''}: ${message}`,
			status,
		);
	}
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
	const content = choice?.message?.content ?? '';
	const toolCalls = readToolCalls(choice?.message?.tool_calls);
	// An answer cut at Max Tokens is a paid answer even when reasoning used every token: the core records it.
	if (!choice || (!content && !toolCalls && choice.finish_reason !== 'length')) {
		throw new GatewayError('empty_response', 'Empty response: the model returned no content');
	}
	return {
		id: id ?? null,
		model,
		provider: provider ?? null,
		content,
		reasoning: choice.message?.reasoning || null,
		toolCalls,
		finishReason: choice.finish_reason ?? null,
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
	const upstream = usage?.cost_details?.upstream_inference_cost ?? null;
	if (usage?.cost === undefined || usage.cost === null)
		return { gatewayCostUsd: upstream, upstreamCostUsd: upstream };
	return {
		gatewayCostUsd: upstream === null ? usage.cost : usage.cost + upstream,
		upstreamCostUsd: upstream,
	};
}
