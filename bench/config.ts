import type { ConcurrencyRun } from './rows/concurrency';
import type { CoreOverheadConfig } from './rows/coreOverhead';
import type { FailoverCounts } from './rows/failover';
import type { MemoryLimits } from './rows/memory';
import type { N8nRowsConfig } from './rows/n8nRows';

/** Counts and targets per mode: the full run holds the targets; the quick one only catches gross regressions. */
export interface BenchConfig {
	core: CoreOverheadConfig;
	concurrency: ConcurrencyRun[];
	failover: FailoverCounts & { maxMs: number };
	/** Heap measurements move by about ±1 MB between runs: the limit is per item over many items. */
	memory: MemoryLimits & { items: number; concurrency: number };
	/** The rows in real n8n (one `n8n execute`); absent: not run. */
	n8n?: N8nRowsConfig;
}

export const fullConfig: BenchConfig = {
	core: { calls: 1000, warmUp: 200, calls20ms: 300, maxRatio20ms: 1.01, repeats20ms: 5 },
	concurrency: [
		{ limit: 1, items: 100 },
		{ limit: 5, items: 500 },
		{ limit: 20, items: 500, target: { op: '>=', value: 0.97 }, repeats: 5 },
		{ limit: 50, items: 500 },
	],
	failover: { calls: 500, warmUp: 50, maxMs: 2 },
	memory: { items: 10_000, concurrency: 20, maxResidualBytesPerItem: 200 },
	n8n: {
		items: 200,
		maxFloorRatio: 1.2,
		network: { concurrencies: [10, 20], minEfficiency: 0.8, passes: 5 },
		peerBatchSizes: [10, 20],
	},
};

export const quickConfig: BenchConfig = {
	core: { calls: 300, warmUp: 100, calls20ms: 100, maxRatio20ms: 1.5, repeats20ms: 1 },
	concurrency: [{ limit: 20, items: 200, target: { op: '>=', value: 0.5 } }],
	failover: { calls: 100, warmUp: 20, maxMs: 20 },
	memory: { items: 4000, concurrency: 20, maxResidualBytesPerItem: 512 },
	n8n: { items: 100, maxFloorRatio: 2 },
};
