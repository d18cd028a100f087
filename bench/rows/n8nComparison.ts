import { failureMessage, type Execution, succeeded } from '../../scripts/n8n/execution';
import { runComparison } from '../n8n/stage';
import { CHAIN_NODE, ROUTED_CHAT_20_NODE, ROUTED_CHAT_NODE } from '../n8n/workflow';
import type { Row } from '../report';
import type { BenchGateway } from '../support/mockGateway';

const NAME = 'n8n: per-item time, Routed Chat / Basic LLM Chain';

export interface N8nSetup {
	/** The packed package; absent when n8n or the build is not available, with the reason. */
	tarball?: string;
	unavailable?: string;
}

/** One workflow in real n8n: the same items through Routed Chat and through the built-in chain + OpenRouter model. */
export async function n8nComparison(
	gateway: BenchGateway,
	setup: N8nSetup,
	{ items, runs, maxRatio }: { items: number; runs: number; maxRatio: number },
	log: (line: string) => void,
): Promise<Row[]> {
	const target = { op: '<=' as const, value: maxRatio };
	if (!setup.tarball)
		return [
			{ name: NAME, value: null, unit: '×', target, skipped: setup.unavailable ?? 'no tarball' },
		];
	let executions: Execution[];
	try {
		executions = await runComparison(setup.tarball, gateway, { items, runs, log });
	} catch (error) {
		return [
			{
				name: NAME,
				value: null,
				unit: '×',
				target,
				skipped: `n8n could not run the workflow: ${(error as Error).message.split('\n')[0]}`,
			},
		];
	}
	const failed = executions.find((execution) => !succeeded(execution));
	if (failed) {
		return [
			{
				name: NAME,
				value: null,
				unit: '×',
				target,
				skipped: `the workflow failed in n8n: ${failureMessage(failed)}`,
			},
		];
	}
	const routed = nodeTiming(executions, ROUTED_CHAT_NODE);
	const routed20 = nodeTiming(executions, ROUTED_CHAT_20_NODE);
	const chain = nodeTiming(executions, CHAIN_NODE);
	const problem = [routed, routed20, chain].find((timing) => timing.items !== items * runs);
	if (problem) {
		return [
			{
				name: NAME,
				value: null,
				unit: '×',
				target,
				skipped: `${problem.node} returned ${problem.items} of ${items * runs} items`,
			},
		];
	}
	const perItem = (timing: NodeTiming) => timing.executionTimeMs / timing.items;
	const describe = (timing: NodeTiming) =>
		`${perItem(timing).toFixed(1)} ms/item (${timing.runTimesMs.join(' + ')} ms)`;
	return [
		{
			name: NAME,
			value: perItem(routed) / perItem(chain),
			unit: '×',
			target,
			detail:
				`${items} items × ${runs} executions, mock latency 50 ms, each node at its defaults (Routed Chat 10 at a time, the chain 1.9 in batches of 5): ` +
				`Routed Chat ${describe(routed)}, Basic LLM Chain + OpenRouter Chat Model ${describe(chain)}`,
		},
		{
			name: 'n8n: the same with Routed Chat at concurrency 20',
			value: perItem(routed20) / perItem(chain),
			unit: '×',
			detail: `Routed Chat with options.concurrency 20: ${describe(routed20)}`,
		},
	];
}

interface NodeTiming {
	node: string;
	items: number;
	executionTimeMs: number;
	runTimesMs: number[];
}

/** The node's items and execution time, over every execution. */
function nodeTiming(executions: Execution[], node: string): NodeTiming {
	type Run = { executionTime?: number; data?: { main?: Array<unknown[] | null> } };
	const runs = executions.flatMap(
		(execution) => (execution.data.resultData.runData[node] ?? []) as Run[],
	);
	const runTimesMs = runs.map((run) => run.executionTime ?? 0);
	return {
		node,
		items: runs.reduce((sum, run) => sum + (run.data?.main?.[0]?.length ?? 0), 0),
		executionTimeMs: runTimesMs.reduce((sum, ms) => sum + ms, 0),
		runTimesMs,
	};
}
