import { type Attempt, NATIVE_TOKEN_FIELDS, type Usage } from './types';

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
	const usages = attempts.flatMap(({ usage }) => (usage ? [usage] : []));
	for (const usage of usages) {
		total.promptTokens += usage.promptTokens;
		total.completionTokens += usage.completionTokens;
		total.totalTokens += usage.totalTokens;
		total.cachedTokens += usage.cachedTokens;
		total.cacheWriteTokens += usage.cacheWriteTokens;
		total.reasoningTokens += usage.reasoningTokens;
	}
	// A provider's count summed over only some of the calls would pass for the whole: it shows only when every call has it.
	for (const field of NATIVE_TOKEN_FIELDS) {
		if (usages.length && usages.every((usage) => usage[field] !== undefined))
			total[field] = usages.reduce((sum, usage) => sum + (usage[field] ?? 0), 0);
	}
	return total;
}
