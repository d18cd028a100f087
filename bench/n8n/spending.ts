import { mockLoadBetween, type MockTimeline } from '../support/mockLoad';
import { cpuBetween, type CpuTimeline } from '../support/processCpu';
import type { NodeTiming } from './nodeTiming';

/** What the n8n process and the mock spent while each node ran. */
export class Spending {
	constructor(
		private readonly times: Map<string, NodeTiming>,
		private readonly cpu: CpuTimeline,
		private readonly mock: MockTimeline,
		private readonly items: number,
	) {}

	/** The n8n process's CPU ms per item while the node ran (all its threads), if /proc could be read. */
	cpuPerItem(node: string): number | undefined {
		const run = this.times.get(node);
		const cpu = run && cpuBetween(this.cpu, run.startTime, run.startTime + run.ms);
		return cpu === undefined ? undefined : cpu / this.items;
	}

	/** CPU ms per item, and the share of the node's wall time the n8n process was on a core. */
	describeCpu(node: string): string {
		const perItem = this.cpuPerItem(node);
		const wall = this.times.get(node)?.ms ?? 0;
		if (perItem === undefined) return 'n8n CPU not measured (no /proc)';
		return `n8n CPU ${perItem.toFixed(2)} ms/item, on a core ${((100 * perItem * this.items) / wall).toFixed(0)} % of the wall time`;
	}

	mockLoad(node: string) {
		const run = this.times.get(node);
		return run && mockLoadBetween(this.mock, run.startTime, run.startTime + run.ms);
	}
}
