import { failureMessage, type Execution, succeeded } from '../../scripts/n8n/execution';
import { runComparison } from '../n8n/stage';
import type { Branch } from '../n8n/workflow';
import type { Row } from '../report';
import { FAST_MODEL, SLOW_LATENCY_MS, SLOW_MODEL } from '../support/benchModels';
import type { BenchGateway } from '../support/mockGateway';

export interface N8nSetup {
	/** The packed package; absent when n8n or the build is not available, with the reason. */
	tarball?: string;
	unavailable?: string;
}

export interface N8nRowsConfig {
	items: number;
	/** The floor row's target: Routed Chat's per-item time over the HTTP Request node's. */
	maxFloorRatio: number;
	/** Network-bound rows at these concurrencies, with this target on ideal / wall; absent: not run. */
	network?: { concurrencies: number[]; minEfficiency: number };
	/** Fair peer rows: the Basic LLM Chain in batches of these sizes; absent: not run. */
	peerBatchSizes?: number[];
}

const FLOOR_NAME = 'n8n floor: per-item time, Routed Chat / HTTP Request node (0 ms)';
const CONCURRENCY = 10;

const names = {
	warmHttp: 'Warm-up: HTTP Request',
	warmRouted: 'Warm-up: Routed Chat',
	warmChain: 'Warm-up: Basic LLM Chain',
	routed: (pass: number) => `Routed Chat, 0 ms, pass ${pass}`,
	http: (pass: number) => `HTTP Request, 0 ms, pass ${pass}`,
	network: (limit: number) => `Routed Chat, ${SLOW_LATENCY_MS} ms, concurrency ${limit}`,
	chain: (size: number) => `Basic LLM Chain, ${SLOW_LATENCY_MS} ms, batches of ${size}`,
};

/**
 * Every branch runs in one `n8n execute`, one after the other: a warm-up pass
 * of each kind of node first (discarded), then Routed Chat and the HTTP
 * Request node in the order A B B A, so drift lands on both.
 */
function branches(config: N8nRowsConfig): Branch[] {
	const routed = (pass: number): Branch => ({
		name: names.routed(pass),
		kind: 'routedChat',
		model: FAST_MODEL,
	});
	const http = (pass: number): Branch => ({
		name: names.http(pass),
		kind: 'httpRequest',
		model: FAST_MODEL,
		concurrency: CONCURRENCY,
	});
	const peers = config.peerBatchSizes ?? [];
	return [
		{ name: names.warmHttp, kind: 'httpRequest', model: FAST_MODEL, concurrency: CONCURRENCY },
		{ name: names.warmRouted, kind: 'routedChat', model: FAST_MODEL },
		...(peers.length
			? [
					{
						name: names.warmChain,
						kind: 'chain',
						model: FAST_MODEL,
						concurrency: CONCURRENCY,
					} as Branch,
				]
			: []),
		routed(1),
		http(1),
		http(2),
		routed(2),
		...(config.network?.concurrencies ?? []).map(
			(limit): Branch => ({
				name: names.network(limit),
				kind: 'routedChat',
				model: SLOW_MODEL,
				concurrency: limit,
			}),
		),
		...peers.map(
			(size): Branch => ({
				name: names.chain(size),
				kind: 'chain',
				model: SLOW_MODEL,
				concurrency: size,
			}),
		),
	];
}

interface NodeTiming {
	items: number;
	ms: number;
}

/** A node's items and n8n's own executionTime for it. */
function timing(execution: Execution, node: string): NodeTiming {
	type Run = { executionTime?: number; data?: { main?: Array<unknown[] | null> } };
	const runs = (execution.data.resultData.runData[node] ?? []) as Run[];
	return {
		items: runs.reduce((sum, run) => sum + (run.data?.main?.[0]?.length ?? 0), 0),
		ms: runs.reduce((sum, run) => sum + (run.executionTime ?? 0), 0),
	};
}

function skippedRows(reason: string, config: N8nRowsConfig): Row[] {
	return [
		{
			name: FLOOR_NAME,
			value: null,
			unit: '×',
			target: { op: '<=', value: config.maxFloorRatio },
			skipped: reason,
		},
	];
}

/** The n8n rows: the floor (vs HTTP Request), network-bound efficiency, and the fair peer (vs Basic LLM Chain). */
export async function n8nRows(
	gateway: BenchGateway,
	setup: N8nSetup,
	config: N8nRowsConfig,
	log: (line: string) => void,
): Promise<Row[]> {
	if (!setup.tarball) return skippedRows(setup.unavailable ?? 'no tarball', config);
	const plan = branches(config);
	let execution: Execution;
	try {
		[execution] = await runComparison(setup.tarball, gateway, {
			items: config.items,
			branches: plan,
			runs: 1,
			log,
		});
	} catch (error) {
		log(`n8n: ${(error as Error).message}`);
		return skippedRows(
			`n8n could not run the workflow: ${(error as Error).message.split('\n')[0]}`,
			config,
		);
	}
	if (!succeeded(execution))
		return skippedRows(`the workflow failed in n8n: ${failureMessage(execution)}`, config);
	const times = new Map(plan.map((branch) => [branch.name, timing(execution, branch.name)]));
	const short = [...times].find(([, node]) => node.items !== config.items);
	if (short)
		return skippedRows(`${short[0]} returned ${short[1].items} of ${config.items} items`, config);

	const ms = (node: string) => times.get(node)?.ms ?? 0;
	const perItem = (total: number, passes = 1) => total / (config.items * passes);
	const routedMs = ms(names.routed(1)) + ms(names.routed(2));
	const httpMs = ms(names.http(1)) + ms(names.http(2));
	const rows: Row[] = [
		{
			name: FLOOR_NAME,
			value: routedMs / httpMs,
			unit: '×',
			target: { op: '<=', value: config.maxFloorRatio },
			detail:
				`${config.items} items per pass, mock latency 0 ms, after a discarded warm-up pass of each; order Routed Chat, HTTP, HTTP, Routed Chat: ` +
				`Routed Chat (pinned, defaults: concurrency ${CONCURRENCY}) ${perItem(routedMs, 2).toFixed(2)} ms/item (${ms(names.routed(1))} + ${ms(names.routed(2))} ms), ` +
				`HTTP Request node (same body, batches of ${CONCURRENCY}, interval 0) ${perItem(httpMs, 2).toFixed(2)} ms/item (${ms(names.http(1))} + ${ms(names.http(2))} ms)`,
		},
	];
	for (const limit of config.network?.concurrencies ?? []) {
		const idealMs = Math.ceil(config.items / limit) * SLOW_LATENCY_MS;
		const wall = ms(names.network(limit));
		rows.push({
			name: `n8n network-bound, concurrency ${limit}: ideal / wall (${SLOW_LATENCY_MS} ms)`,
			value: idealMs / wall,
			unit: '',
			target: { op: '>=', value: config.network?.minEfficiency ?? 0 },
			detail: `${config.items} items at ${SLOW_LATENCY_MS} ms, Routed Chat at concurrency ${limit}: ideal ceil(${config.items} / ${limit}) × ${SLOW_LATENCY_MS} ms = ${idealMs} ms, n8n's executionTime ${wall} ms`,
		});
	}
	for (const size of config.peerBatchSizes ?? []) {
		const chain = ms(names.chain(size));
		const routed = ms(names.network(size));
		rows.push({
			name: `n8n fair peer: Routed Chat / Basic LLM Chain, both ${size} at a time (${SLOW_LATENCY_MS} ms)`,
			value: routed / chain,
			unit: '×',
			detail: `${config.items} items: Routed Chat at concurrency ${size} ${routed} ms, Basic LLM Chain 1.9 + OpenRouter Chat Model in batches of ${size} ${chain} ms`,
		});
	}
	return rows;
}
