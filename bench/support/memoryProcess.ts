import { setTimeout as sleep } from 'node:timers/promises';

import { mapWithConcurrency, routeChat, type RouteResult } from '../../nodes/RoutedChat/core';
import { FAST_MODEL } from './benchModels';
import { routedClient } from './clients';
import { benchPlan } from './plan';
import { realClock } from './realClock';

/** What memory.ts reads from this process's stdout, as one JSON line. */
export interface MemoryProbe {
	items: number;
	heapBefore: number;
	/** After a full GC with the first batch's results still held. */
	heapWithOutput: number;
	/** After a full GC once they are dropped: one-time costs (sockets, compiled code) show here. */
	heapAfterFirst: number;
	/** The same after a second batch: what a batch leaves for good. */
	heapAfterSecond: number;
	outputJsonBytes: number;
	rssBefore: number;
	peakRss: number;
}

declare const gc: (() => void) | undefined;

/**
 * Full collections with pauses between them: abort signals are cleaned up by
 * FinalizationRegistry callbacks, which run after a collection and free their
 * cells only at the next one.
 */
async function settledHeap(): Promise<number> {
	for (let i = 0; i < 10; i++) {
		gc?.();
		await sleep(20);
	}
	return process.memoryUsage().heapUsed;
}

/**
 * `node --expose-gc --no-flush-bytecode memoryProcess.ts <baseUrl> <apiKey> <items> <concurrency>`:
 * two batches of items with small prompts through mapWithConcurrency +
 * routeChat, with a long-lived execution signal as the node passes one.
 */
async function main(): Promise<void> {
	const [baseUrl, apiKey, count, limit] = process.argv.slice(2);
	if (typeof gc !== 'function') throw new Error('run with --expose-gc');
	const client = routedClient({ baseUrl, apiKey });
	const cancel = new AbortController();
	const stop = new AbortController();
	const context = {
		client,
		clock: realClock,
		signal: AbortSignal.any([cancel.signal, stop.signal]),
	};
	const run = (items: number) =>
		mapWithConcurrency(
			Array.from({ length: items }, (_, index) => index),
			Number(limit),
			(index) => routeChat(benchPlan([FAST_MODEL], 'client', `Item ${index}: say ok.`), context),
		);

	await run(500);
	const heapBefore = await settledHeap();
	const rssBefore = process.memoryUsage().rss;
	let results: RouteResult[] | undefined = await run(Number(count));
	const heapWithOutput = await settledHeap();
	const outputJsonBytes = JSON.stringify(results).length;
	results = undefined;
	const heapAfterFirst = await settledHeap();
	await run(Number(count));
	const heapAfterSecond = await settledHeap();
	const probe: MemoryProbe = {
		items: Number(count),
		heapBefore,
		heapWithOutput,
		heapAfterFirst,
		heapAfterSecond,
		outputJsonBytes,
		rssBefore,
		peakRss: process.resourceUsage().maxRSS * 1024,
	};
	process.stdout.write(`${JSON.stringify(probe)}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
