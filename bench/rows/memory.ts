import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { Row } from '../report';
import type { MemoryProbe } from '../support/memoryProcess';
import type { BenchGateway } from '../support/mockGateway';

const MB = 1024 * 1024;

export interface MemoryLimits {
	/** Heap a batch leaves behind per item once its output is dropped. */
	maxResidualBytesPerItem: number;
}

/**
 * Runs in a fresh process (forced GC, and a peak RSS of its own). The first
 * batch pays one-time costs (about 1 MB: sockets, compiled code); what a second
 * batch leaves once its output is dropped is growth that items would keep adding.
 */
export async function memory(
	gateway: BenchGateway,
	items: number,
	concurrency: number,
	limits: MemoryLimits,
): Promise<Row[]> {
	await gateway.reset();
	const { stdout } = await promisify(execFile)(
		process.execPath,
		[
			'--expose-gc',
			// Forced collections age bytecode (ts-node's compiler's above all) until V8 drops it, which reads as the heap shrinking.
			'--no-flush-bytecode',
			'-r',
			'ts-node/register/transpile-only',
			join(__dirname, '..', 'support', 'memoryProcess.ts'),
			gateway.baseUrl,
			gateway.apiKey,
			String(items),
			String(concurrency),
		],
		{ maxBuffer: 1024 * 1024 },
	);
	await gateway.reset();
	const probe = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as MemoryProbe;
	const outputBytes = probe.heapWithOutput - probe.heapAfterFirst;
	const growth = probe.heapAfterSecond - probe.heapAfterFirst;
	const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
	return [
		{
			name: `Memory: heap growth per item beyond the output (${items} items)`,
			value: growth / items,
			unit: 'B',
			target: { op: '<=', value: limits.maxResidualBytesPerItem },
			detail:
				`after forced GC: heap ${mb(probe.heapBefore)} before, ${mb(probe.heapWithOutput)} holding the output, ` +
				`${mb(probe.heapAfterFirst)} after dropping it, ${mb(probe.heapAfterSecond)} after a second batch of ${items} (the figure: second batch's growth / items); ` +
				`the output itself ${mb(outputBytes)}, ${(outputBytes / items).toFixed(0)} B per item on the heap (${(probe.outputJsonBytes / items).toFixed(0)} B as JSON)`,
		},
		{
			name: 'Memory: peak RSS',
			value: probe.peakRss / MB,
			unit: 'MB',
			detail: `RSS ${mb(probe.rssBefore)} after the warm-up; peak ${mb(probe.peakRss)} over two batches of ${items} items, ${concurrency} at a time`,
		},
	];
}
