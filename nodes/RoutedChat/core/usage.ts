import { type Attempt, NATIVE_TOKEN_FIELDS, type Usage } from './types';

/**
 * The tokens of every call the attempts record: an item pays for all of them, so it reports all
 * of them. Plain loops: it runs once per item, right after the answer.
 */
export function sumUsage(attempts: readonly Attempt[]): Usage {
	const total: Usage = {
		promptTokens: 0,
		completionTokens: 0,
		totalTokens: 0,
		cachedTokens: 0,
		cacheWriteTokens: 0,
		reasoningTokens: 0,
	};
	const usages: Usage[] = [];
	for (const { usage } of attempts) {
		if (!usage) continue;
		usages.push(usage);
		total.promptTokens += usage.promptTokens;
		total.completionTokens += usage.completionTokens;
		total.totalTokens += usage.totalTokens;
		total.cachedTokens += usage.cachedTokens;
		total.cacheWriteTokens += usage.cacheWriteTokens;
		total.reasoningTokens += usage.reasoningTokens;
	}
	// A provider's count summed over only some of the calls would pass for the whole: it shows only when every call has it.
	for (const field of NATIVE_TOKEN_FIELDS) {
		let sum: number | undefined = usages.length ? 0 : undefined;
		for (const usage of usages) {
			const count = usage[field];
			if (count === undefined) {
				sum = undefined;
				break;
			}
			sum = (sum ?? 0) + count;
		}
		if (sum !== undefined) total[field] = sum;
	}
	return total;
}
