import type { ConcurrencyRun } from './rows/concurrency';
import type { CoreOverheadConfig } from './rows/coreOverhead';
import type { FailoverCounts } from './rows/failover';
import type { MemoryLimits } from './rows/memory';

/** Counts and targets per mode: the full run holds the targets; the quick one only catches gross regressions. */
export interface BenchConfig {
	core: CoreOverheadConfig;
	concurrency: ConcurrencyRun[];
	failover: FailoverCounts & { maxMs: number };
	/** Heap measurements move by about ±1 MB between runs: the limit is per item over many items. */
	memory: MemoryLimits & { items: number; concurrency: number };
	/** Items through real n8n, in `runs` executions; absent: the row is not run. */
	n8n?: { items: number; runs: number; maxRatio: number };
}

export const fullConfig: BenchConfig = {
	core: { calls: 1000, warmUp: 200, maxRatio: 1.03, maxP99Ratio: 1.03 },
	concurrency: [
		{ limit: 1, items: 500 },
		{ limit: 5, items: 500, baseline: true },
		{ limit: 20, items: 500, target: { op: '>=', value: 0.9 }, baseline: true, repeats: 3 },
		{ limit: 50, items: 500, baseline: true },
	],
	failover: { calls: 500, warmUp: 50, maxMs: 2 },
	memory: { items: 10_000, concurrency: 20, maxResidualBytesPerItem: 200 },
	n8n: { items: 200, runs: 2, maxRatio: 0.8 },
};

export const quickConfig: BenchConfig = {
	core: { calls: 300, warmUp: 100, maxRatio: 1.5 },
	concurrency: [{ limit: 20, items: 200, target: { op: '>=', value: 0.5 } }],
	failover: { calls: 100, warmUp: 20, maxMs: 20 },
	memory: { items: 4000, concurrency: 20, maxResidualBytesPerItem: 512 },
};
