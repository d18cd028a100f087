import OpenAI from 'openai';

import { mapWithConcurrency, routeChat } from '../../nodes/RoutedChat/core';
import { fetchChatClient } from '../../test/transport/loopbackClient';
import type { Row, Target } from '../report';
import { SLOW_LATENCY_MS, SLOW_MODEL } from '../support/benchModels';
import type { BenchGateway } from '../support/mockGateway';
import { benchPlan, PROMPT } from '../support/plan';
import { realClock } from '../support/realClock';
import { median, nowMs } from '../support/stats';

export interface ConcurrencyRun {
	limit: number;
	items: number;
	/** Only the rows with a target pass or fail; the others are context. */
	target?: Target;
	/** Also time the bare SDK through the same loop, to tell our cost from the SDK's and the mock's. */
	baseline?: boolean;
	/** Runs this many times (alternating with the baseline) and keeps the median wall time. */
	repeats?: number;
}

/** Items through mapWithConcurrency + routeChat against a 50 ms model: wall time vs items × latency / limit. */
export async function concurrency(gateway: BenchGateway, runs: ConcurrencyRun[]): Promise<Row[]> {
	const client = fetchChatClient(gateway);
	const plan = benchPlan([SLOW_MODEL]);
	const context = { client, clock: realClock };
	const routed = () => routeChat(plan, context);
	const sdk = new OpenAI({ baseURL: gateway.baseUrl, apiKey: gateway.apiKey, maxRetries: 0 });
	const body = {
		model: SLOW_MODEL,
		messages: [{ role: 'user', content: PROMPT }],
		usage: { include: true },
	};
	const bare = () =>
		sdk.chat.completions.create(body as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming);

	const wall = async (call: () => Promise<unknown>, items: number, limit: number) => {
		const started = nowMs();
		await mapWithConcurrency(Array.from({ length: items }), limit, call);
		return nowMs() - started;
	};
	// Opens the connections the biggest run needs, so no run pays for its sockets.
	const widest = Math.max(...runs.map((run) => run.limit));
	await wall(routed, widest, widest);
	await wall(bare, widest, widest);

	const rows: Row[] = [];
	for (const { limit, items, target, baseline, repeats = 1 } of runs) {
		const idealMs = (items * SLOW_LATENCY_MS) / limit;
		const times = { routed: [] as number[], bare: [] as number[] };
		for (let repeat = 0; repeat < repeats; repeat++) {
			times.routed.push(await wall(routed, items, limit));
			if (baseline) times.bare.push(await wall(bare, items, limit));
		}
		const routedMs = median(times.routed);
		const bareMs = baseline ? median(times.bare) : undefined;
		const compared =
			bareMs === undefined
				? ''
				: `; the bare SDK through the same loop: wall ${bareMs.toFixed(0)} ms, efficiency ${(idealMs / bareMs).toFixed(3)}`;
		rows.push({
			name: `Concurrency ${limit}: efficiency (ideal / wall)`,
			value: idealMs / routedMs,
			unit: '',
			target,
			detail: `${items} items at ${SLOW_LATENCY_MS} ms${repeats > 1 ? ` (median of ${repeats} runs)` : ''}: ideal ${idealMs.toFixed(0)} ms, wall ${routedMs.toFixed(0)} ms${compared}`,
		});
	}
	return rows;
}
