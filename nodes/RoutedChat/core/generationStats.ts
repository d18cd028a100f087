import type { ChatClient, GenerationStats } from './chatClient';
import type { Clock } from './clock';
import { classifyFailure } from './failure';
import { settle } from './settle';
import type { FailureKind } from './types';

/** The waits between lookups while the stats lag the answer: 1.75 s in all at most. */
const STATS_LAG_WAITS_MS: readonly number[] = [250, 500, 1000];

/** One lookup is small: it gets this long at most, less when the item's deadline is nearer. */
const LOOKUP_TIMEOUT_MS = 10_000;

/** Failures a later lookup may not meet: stats not written yet (404), or a passing fault. */
const PASSING: ReadonlySet<FailureKind> = new Set<FailureKind>([
	'rate_limited',
	'server_error',
	'timeout',
	'connection',
]);

export interface StatsRequest {
	client: ChatClient;
	clock: Clock;
	signal?: AbortSignal;
	/** How long the item may still take (its deadline); the lookups never outlast it. */
	timeLeft: () => number;
}

export type StatsLookup = { stats: GenerationStats } | { error: string };

/**
 * Reads an answer's generation stats, asking again briefly while the gateway has not written them.
 * Never throws: a paid answer is kept whatever happens here, with the reason noted instead.
 */
export async function lookUpGenerationStats(
	id: string | null,
	{ client, clock, signal, timeLeft }: StatsRequest,
): Promise<StatsLookup> {
	if (!client.generationStats)
		return { error: 'the gateway keeps no generation stats (OpenRouter only)' };
	if (id === null) return { error: 'the answer carried no id to look its stats up by' };
	for (let lookup = 0; ; lookup++) {
		if (signal?.aborted) return { error: 'Cancelled' };
		const timeoutMs = Math.min(LOOKUP_TIMEOUT_MS, timeLeft());
		if (timeoutMs <= 0) return { error: 'no time left before the item deadline' };
		const read = await settle(client.generationStats(id, { signal, timeoutMs }));
		if (read.ok) return { stats: read.value };
		const failure = classifyFailure(read.error, clock.now());
		const waitMs = STATS_LAG_WAITS_MS[lookup];
		const again = failure.status === 404 || PASSING.has(failure.kind);
		if (!again || waitMs === undefined || waitMs >= timeLeft())
			return { error: `${failure.message} (${lookup + 1} lookup${lookup ? 's' : ''})` };
		const slept = await settle(clock.sleep(waitMs, signal));
		if (!slept.ok) return { error: 'Cancelled' };
	}
}
