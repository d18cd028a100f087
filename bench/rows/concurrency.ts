import { mapWithConcurrency, routeChat } from '../../nodes/RoutedChat/core';
import type { Row, Target } from '../report';
import { SLOW_LATENCY_MS, SLOW_MODEL } from '../support/benchModels';
import { bareChat, routedClient } from '../support/clients';
import type { BenchGateway } from '../support/mockGateway';
import { benchPlan } from '../support/plan';
import { realClock } from '../support/realClock';
import { median, nowMs } from '../support/stats';

export interface ConcurrencyRun {
	limit: number;
	items: number;
	/** Only the rows with a target pass or fail; the others are context. */
	target?: Target;
	/** Runs this many times, alternating with the bare client, and keeps each side's median wall time. */
	repeats?: number;
}

/**
 * Items through mapWithConcurrency + routeChat against a 50 ms model, and the
 * bare client through the same loop: routeChat's efficiency relative to the
 * bare client (bare wall / routed wall). Efficiency against the ideal
 * (items × latency / limit) is given for context: on 2 shared cores the bare
 * client itself falls short of it.
 */
export async function concurrency(gateway: BenchGateway, runs: ConcurrencyRun[]): Promise<Row[]> {
	const plan = benchPlan([SLOW_MODEL]);
	const context = { client: routedClient(gateway), clock: realClock };
	const routed = () => routeChat(plan, context);
	const bare = bareChat(gateway, SLOW_MODEL);

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
	for (const { limit, items, target, repeats = 1 } of runs) {
		const idealMs = (items * SLOW_LATENCY_MS) / limit;
		const times = { routed: [] as number[], bare: [] as number[] };
		for (let repeat = 0; repeat < repeats; repeat++) {
			if (repeat % 2 === 0) {
				times.routed.push(await wall(routed, items, limit));
				times.bare.push(await wall(bare, items, limit));
			} else {
				times.bare.push(await wall(bare, items, limit));
				times.routed.push(await wall(routed, items, limit));
			}
		}
		const routedMs = median(times.routed);
		const bareMs = median(times.bare);
		rows.push({
			name: `Concurrency ${limit}: efficiency relative to the bare client`,
			value: bareMs / routedMs,
			unit: '',
			target,
			detail: `${items} items at ${SLOW_LATENCY_MS} ms${repeats > 1 ? ` (median of ${repeats} runs)` : ''}: routeChat wall ${routedMs.toFixed(0)} ms, bare client ${bareMs.toFixed(0)} ms; against the ideal ${idealMs.toFixed(0)} ms, routeChat ${(idealMs / routedMs).toFixed(3)}, bare client ${(idealMs / bareMs).toFixed(3)}`,
		});
	}
	return rows;
}
