import { contentText } from './messageText';
import type { ChatMessage, MockModel } from './types';
import { countTokens } from './usage';

export interface CacheUse {
	/** Prompt tokens read from the cache (`prompt_tokens_details.cached_tokens`). */
	cachedTokens: number;
	/** Prompt tokens written to it (`prompt_tokens_details.cache_write_tokens`). */
	cacheWriteTokens: number;
}

/**
 * Prompt caching as OpenRouter passes it to providers: a text part with `cache_control` marks the
 * end of a cacheable prefix. The first request with a prefix writes it; a repeat to the same model
 * reads it. `cached` holds the prefixes written so far, per model.
 */
export function usePromptCache(
	cached: Set<string>,
	model: MockModel,
	messages: ChatMessage[],
): CacheUse | undefined {
	const marked = messages.map((message) => hasCacheMark(message.content));
	const end = marked.lastIndexOf(true);
	if (end === -1) return undefined;
	const prefix = messages.slice(0, end + 1).map((message) => contentText(message.content));
	const tokens = countTokens(prefix.join('').length, model.charsPerToken);
	const key = JSON.stringify([model.id, prefix]);
	if (cached.has(key)) return { cachedTokens: tokens, cacheWriteTokens: 0 };
	cached.add(key);
	return { cachedTokens: 0, cacheWriteTokens: tokens };
}

function hasCacheMark(content: unknown): boolean {
	return (
		Array.isArray(content) &&
		content.some(
			(part: { cache_control?: { type?: unknown } }) => part?.cache_control?.type === 'ephemeral',
		)
	);
}
