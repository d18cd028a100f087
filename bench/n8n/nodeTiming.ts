import { type Execution, outputItems } from '../../scripts/n8n/execution';
import { SLOW_LATENCY_MS } from '../support/benchModels';

/** One node's runs in an execution, as n8n recorded them. */
export interface NodeTiming {
	items: number;
	/** n8n's own executionTime, summed over the node's runs. */
	ms: number;
	/** Epoch ms at which n8n started the node. */
	startTime: number;
	/** Each output item's `latencyMs` (Routed Chat's own record of its request), 0 where absent. */
	latencies: number[];
}

/** A node's items, n8n's executionTime for it and its items' latencies. */
export function nodeTiming(execution: Execution, node: string): NodeTiming {
	const runs = execution.data.resultData.runData[node] ?? [];
	const items = outputItems(execution, node);
	return {
		items: items.length,
		ms: runs.reduce((sum, run) => sum + (run.executionTime ?? 0), 0),
		startTime: runs[0]?.startTime ?? 0,
		latencies: items.map((item) =>
			typeof item.json.latencyMs === 'number' ? item.json.latencyMs : 0,
		),
	};
}

/** The network-bound ideal: `items` through `limit` slots, each request taking the slow model's latency. */
export function idealMs(items: number, limit: number): number {
	return Math.ceil(items / limit) * SLOW_LATENCY_MS;
}
