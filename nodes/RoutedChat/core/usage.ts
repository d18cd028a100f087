import type { Attempt, Usage } from './types';

/** The tokens of every call the attempts record: an item pays for all of them, so it reports all of them. */
export function sumUsage(attempts: readonly Attempt[]): Usage {
	const total: Usage = {
		promptTokens: 0,
		completionTokens: 0,
		totalTokens: 0,
		cachedTokens: 0,
		cacheWriteTokens: 0,
		reasoningTokens: 0,
	};
	for (const { usage } of attempts) {
		if (!usage) continue;
		total.promptTokens += usage.promptTokens;
		total.completionTokens += usage.completionTokens;
		total.totalTokens += usage.totalTokens;
		total.cachedTokens += usage.cachedTokens;
		total.cacheWriteTokens += usage.cacheWriteTokens;
		total.reasoningTokens += usage.reasoningTokens;
	}
	return total;
}
