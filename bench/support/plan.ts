import type { FallbackMode, RoutePlan } from '../../nodes/RoutedChat/core';

export const PROMPT = 'Summarise the benefits of a loopback benchmark in one sentence.';

/** A plan as the node builds it with default options, minus retries (the bench measures single attempts). */
export function benchPlan(
	models: string[],
	fallbackMode: FallbackMode = 'client',
	prompt = PROMPT,
): RoutePlan {
	return {
		models,
		fallbackMode,
		messages: [{ role: 'user', content: prompt }],
		completion: {},
		policy: {
			retriesPerModel: 0,
			baseDelayMs: 500,
			maxDelayMs: 8000,
			maxRetryAfterMs: 30000,
			attemptTimeoutMs: 60000,
			gatewayModelsCap: 3,
		},
	};
}
