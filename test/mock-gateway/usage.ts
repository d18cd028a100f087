import { toUsd, type PicoUsd, type TokenPrices } from './cost';
import { mediaTokens } from './mediaParts';
import { contentText, toolCallsText } from './messageText';
import type { CacheUse } from './promptCache';
import type { ChatMessage, MockModel } from './types';

/** The usage object as OpenRouter sends it (snake_case wire names). */
export interface UsageWire {
	prompt_tokens: number;
	completion_tokens: number;
	total_tokens?: number;
	cost?: number;
	is_byok: boolean;
	prompt_tokens_details: {
		cached_tokens: number;
		cache_write_tokens?: number;
		audio_tokens: number;
	};
	completion_tokens_details: { reasoning_tokens: number; audio_tokens: number };
	cost_details?: {
		upstream_inference_cost: number | null;
		upstream_inference_prompt_cost: number;
		upstream_inference_completions_cost: number;
	};
}

export interface MeteredUsage {
	usage: UsageWire;
	/** What the key is charged (`usage.cost`). */
	cost: PicoUsd;
	/** What the provider charged for the call (OpenRouter's `upstream_inference_cost`). */
	upstream: PicoUsd;
	/** What prompt caching saved at the provider's price, for a request with a cache mark (promptCache.ts). */
	cacheDiscount: PicoUsd | null;
}

/** Anthropic's cache reads, where cache_control matters: at 0.1× the prompt price (writes: TokenPrices.cacheWrite). */
const CACHE_READ_SAVES_PERCENT = 90n;

/** The default of MockModel.charsPerToken, about right for English and OpenAI's tokenizers. */
const CHARS_PER_TOKEN = 4;

/** A deterministic stand-in for a tokenizer: one token per `charsPerToken` characters, at least one. */
export function countTokens(characters: number, charsPerToken = CHARS_PER_TOKEN): number {
	return Math.max(1, Math.ceil(characters / charsPerToken));
}

export function meterUsage(
	model: MockModel,
	prices: TokenPrices,
	messages: ChatMessage[],
	content: string,
	thinking?: { reasoningTokens: number; cutAtMaxTokens: boolean },
	cache?: CacheUse,
	/** The request's `tools`: sent with the prompt, and billed as prompt tokens as providers do. */
	tools?: unknown,
): MeteredUsage {
	const promptCharacters =
		messages.reduce(
			(sum, message) => sum + contentText(message.content).length + toolCallsText(message).length,
			0,
		) + (Array.isArray(tools) && tools.length ? JSON.stringify(tools).length : 0);
	const promptTokens = countTokens(promptCharacters, model.charsPerToken) + mediaTokens(messages);
	const reasoningTokens = thinking?.reasoningTokens ?? model.reasoningTokens ?? 0;
	// Reasoning tokens are part of the completion, as OpenAI and OpenRouter count them.
	const completionTokens =
		model.completionTokens ??
		(thinking?.cutAtMaxTokens ? 0 : countTokens(content.length, model.charsPerToken)) +
			reasoningTokens;
	const cacheDiscount = cache
		? (BigInt(cache.cachedTokens) * prices.prompt * CACHE_READ_SAVES_PERCENT -
				BigInt(cache.cacheWriteTokens) * (prices.cacheWrite - prices.prompt) * 100n) /
			100n
		: null;
	const promptCost = BigInt(promptTokens) * prices.prompt - (cacheDiscount ?? 0n);
	const completionCost = BigInt(completionTokens) * prices.completion;
	const priced = promptCost + completionCost + prices.request;
	// OpenRouter's BYOK fee: 5% of what the model would cost on OpenRouter.
	const charged = model.byok ? (priced * 5n) / 100n : priced;
	const costFields: Pick<UsageWire, 'cost' | 'cost_details'> =
		model.reportCost === false
			? {}
			: {
					cost: toUsd(charged),
					// OpenRouter reports what the provider charged either way; without BYOK it is inside `cost`.
					cost_details: {
						upstream_inference_cost: toUsd(priced),
						upstream_inference_prompt_cost: toUsd(promptCost),
						upstream_inference_completions_cost: toUsd(completionCost),
					},
				};
	const usage: UsageWire = {
		prompt_tokens: promptTokens,
		completion_tokens: completionTokens,
		...(model.omitTotalTokens ? {} : { total_tokens: promptTokens + completionTokens }),
		...costFields,
		is_byok: model.byok ?? false,
		prompt_tokens_details: {
			cached_tokens: cache?.cachedTokens ?? model.cachedTokens ?? 0,
			...(cache ? { cache_write_tokens: cache.cacheWriteTokens } : {}),
			audio_tokens: 0,
		},
		completion_tokens_details: { reasoning_tokens: reasoningTokens, audio_tokens: 0 },
	};
	return { usage, cost: charged, upstream: priced, cacheDiscount };
}
