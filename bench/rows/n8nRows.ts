import { failureMessage, type Execution, succeeded } from '../../scripts/n8n/execution';
import { idealMs, nodeTiming } from '../n8n/nodeTiming';
import { Spending } from '../n8n/spending';
import { runComparison } from '../n8n/stage';
import { BENCH_WORKFLOW_ID, type Branch } from '../n8n/workflow';
import type { Row } from '../report';
import { FAST_MODEL, SLOW_LATENCY_MS, SLOW_MODEL } from '../support/benchModels';
import type { BenchGateway } from '../support/mockGateway';
import { describeMockLoad } from '../support/mockLoad';
import { type CpuTimeline, watchProcessCpu } from '../support/processCpu';
import { median } from '../support/stats';

export interface N8nSetup {
	/** The packed package; absent when n8n or the build is not available, with the reason. */
	tarball?: string;
	unavailable?: string;
}

export interface N8nRowsConfig {
	items: number;
	/** The floor row's target: Routed Chat's per-item time over the HTTP Request node's. */
	maxFloorRatio: number;
	/**
	 * Network-bound rows at these concurrencies, with this target on ideal / wall; each concurrency
	 * runs `passes` times, interleaved, and the median pass stands. Absent: not run.
	 */
	network?: { concurrencies: number[]; minEfficiency: number; passes: number };
	/**
	 * Fair peer rows: the Basic LLM Chain in batches of these sizes, as many passes as the
	 * network-bound rows, after them; the median pass stands. Absent: not run.
	 */
	peerBatchSizes?: number[];
}

const FLOOR_NAME = 'n8n floor: per-item time, Routed Chat / HTTP Request node (0 ms)';
const CONCURRENCY = 10;

const names = {
	warmHttp: 'Warm-up: HTTP Request',
	warmRouted: 'Warm-up: Routed Chat',
	warmChain: 'Warm-up: Basic LLM Chain',
	warmExpression: 'Warm-up: Edit Fields',
	expression: 'Edit Fields, the prompt expression alone',
	routed: (pass: number) => `Routed Chat, 0 ms, pass ${pass}`,
	http: (pass: number) => `HTTP Request, 0 ms, pass ${pass}`,
	network: (limit: number, pass: number) =>
		`Routed Chat, ${SLOW_LATENCY_MS} ms, concurrency ${limit}, pass ${pass}`,
	chain: (size: number, pass: number) =>
		`Basic LLM Chain, ${SLOW_LATENCY_MS} ms, batches of ${size}, pass ${pass}`,
};

/**
 * Every branch runs in one `n8n execute`, one after the other: a warm-up pass
 * of each kind of node first (discarded), then Routed Chat and the HTTP
 * Request node in the order A B B A, so drift lands on both; the network-bound
 * passes alternate between their concurrencies. With the network-bound rows, an
 * Edit Fields node evaluating the prompt's expression alone gives n8n's own CPU
 * per item for it, the floor under every row.
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
	const expression: Branch[] = config.network
		? [
				{ name: names.warmExpression, kind: 'setField', model: FAST_MODEL },
				{ name: names.expression, kind: 'setField', model: FAST_MODEL },
			]
		: [];
	return [
		...expression,
		{ name: names.warmHttp, kind: 'httpRequest', model: FAST_MODEL, concurrency: CONCURRENCY },
		{ name: names.warmRouted, kind: 'routedChat', model: FAST_MODEL },
		...(chainPasses(config).length
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
		...networkPasses(config).map(
			({ size, pass }): Branch => ({
				name: names.network(size, pass),
				kind: 'routedChat',
				model: SLOW_MODEL,
				concurrency: size,
			}),
		),
		...chainPasses(config).map(
			({ size, pass }): Branch => ({
				name: names.chain(size, pass),
				kind: 'chain',
				model: SLOW_MODEL,
				concurrency: size,
			}),
		),
	];
}

/** Pass 1 at every size, then pass 2 at every one, and so on. */
function interleaved(sizes: number[], passes: number): Array<{ size: number; pass: number }> {
	return Array.from({ length: passes }, (_, index) =>
		sizes.map((size) => ({ size, pass: index + 1 })),
	).flat();
}

function networkPasses(config: N8nRowsConfig) {
	return interleaved(config.network?.concurrencies ?? [], config.network?.passes ?? 0);
}

/** The chain gets as many passes as Routed Chat's network-bound rows, so both figures are a median. */
function chainPasses(config: N8nRowsConfig) {
	return interleaved(config.peerBatchSizes ?? [], config.network?.passes ?? 0);
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
	let cpuTimeline: CpuTimeline;
	await gateway.reset();
	const cpuWatch = watchProcessCpu(`--id=${BENCH_WORKFLOW_ID}`);
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
	} finally {
		cpuTimeline = cpuWatch.stop();
	}
	if (!succeeded(execution))
		return skippedRows(`the workflow failed in n8n: ${failureMessage(execution)}`, config);
	const times = new Map(plan.map((branch) => [branch.name, nodeTiming(execution, branch.name)]));
	const short = [...times].find(([, node]) => node.items !== config.items);
	if (short)
		return skippedRows(`${short[0]} returned ${short[1].items} of ${config.items} items`, config);

	const spent = new Spending(times, cpuTimeline, await gateway.timeline(), config.items);
	const ms = (node: string) => times.get(node)?.ms ?? 0;
	const perItem = (total: number, passes = 1) => total / (config.items * passes);
	/** At each size, its passes' wall times and the pass whose wall time is their median. */
	const medianPasses = (
		runs: Array<{ size: number; pass: number }>,
		name: (size: number, pass: number) => string,
	) =>
		new Map(
			[...new Set(runs.map(({ size }) => size))].map((size) => {
				const passes = runs.filter((run) => run.size === size).map(({ pass }) => name(size, pass));
				const walls = passes.map(ms);
				return [size, { node: passes[walls.indexOf(median(walls))], walls }];
			}),
		);
	const routedMedians = medianPasses(networkPasses(config), names.network);
	const chainMedians = medianPasses(chainPasses(config), names.chain);
	const sorted = (walls: number[]) => [...walls].sort((a, b) => a - b).join(', ');
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
				`HTTP Request node (same body, batches of ${CONCURRENCY}, interval 0) ${perItem(httpMs, 2).toFixed(2)} ms/item (${ms(names.http(1))} + ${ms(names.http(2))} ms); ` +
				`first passes: Routed Chat ${spent.describeCpu(names.routed(1))}; HTTP Request ${spent.describeCpu(names.http(1))}`,
		},
	];
	for (const [limit, { node, walls }] of routedMedians) {
		const ideal = idealMs(config.items, limit);
		const wall = ms(node);
		rows.push({
			name: `n8n network-bound, concurrency ${limit}: ideal / wall (${SLOW_LATENCY_MS} ms)`,
			value: ideal / wall,
			unit: '',
			target: { op: '>=', value: config.network?.minEfficiency ?? 0 },
			detail:
				`${config.items} items at ${SLOW_LATENCY_MS} ms, Routed Chat at concurrency ${limit}: ideal ceil(${config.items} / ${limit}) × ${SLOW_LATENCY_MS} ms = ${ideal} ms, n8n's executionTime ${wall} ms, the median of ${walls.length} passes (${sorted(walls)} ms); in that pass ` +
				`${spent.describeCpu(node)}; the target needs under ${budgetPerItem(ideal, config).toFixed(2)} ms of n8n CPU per item even with every request overlapped; ` +
				describeMockLoad(spent.mockLoad(node)),
		});
	}
	for (const [size, chain] of chainMedians) {
		const routed = routedMedians.get(size);
		if (!routed) continue;
		rows.push({
			name: `n8n fair peer: Routed Chat / Basic LLM Chain, both ${size} at a time (${SLOW_LATENCY_MS} ms)`,
			value: ms(routed.node) / ms(chain.node),
			unit: '×',
			detail: `${config.items} items, the median pass of each: Routed Chat at concurrency ${size} ${ms(routed.node)} ms (passes ${sorted(routed.walls)} ms), Basic LLM Chain 1.9 + OpenRouter Chat Model in batches of ${size} ${ms(chain.node)} ms (passes ${sorted(chain.walls)} ms, after all of Routed Chat's)`,
		});
	}
	const busiest = Math.max(...routedMedians.keys());
	const busiestPass = routedMedians.get(busiest);
	if (config.network && busiestPass)
		rows.push(...budgetRows(config, config.network, spent, busiest, busiestPass.node));
	return rows;
}

/** The n8n CPU per item below which `items` could finish in ideal / minEfficiency on one core. */
function budgetPerItem(ideal: number, config: N8nRowsConfig): number {
	return ideal / (config.network?.minEfficiency ?? 1) / config.items;
}

/**
 * For the network-bound rows: Routed Chat's n8n CPU per item at the highest
 * concurrency against the budget its target implies, and n8n's own floor per
 * item measured in the same process: the prompt's expression alone (Edit
 * Fields), and the HTTP Request node's whole request (its body expression and
 * n8n's HTTP helper) at 0 ms.
 */
function budgetRows(
	config: N8nRowsConfig,
	network: NonNullable<N8nRowsConfig['network']>,
	spent: Spending,
	limit: number,
	routedNode: string,
): Row[] {
	const ideal = idealMs(config.items, limit);
	const value = (perItem: number | undefined) => perItem ?? null;
	const skipped = (perItem: number | undefined) =>
		perItem === undefined
			? { skipped: "the n8n process's CPU time could not be read (/proc)" }
			: {};
	const routed = spent.cpuPerItem(routedNode);
	const expression = spent.cpuPerItem(names.expression);
	const http = spent.cpuPerItem(names.http(1));
	return [
		{
			name: `n8n CPU per item: Routed Chat, concurrency ${limit} (${SLOW_LATENCY_MS} ms)`,
			value: value(routed),
			unit: 'ms',
			...skipped(routed),
			detail: `the n8n process's CPU time (all threads, from /proc) while the node ran, per item, in the median pass at this concurrency; its target of ${network.minEfficiency} of the ideal ${ideal} ms leaves at most ${budgetPerItem(ideal, config).toFixed(2)} ms per item on n8n's one event loop, with every request overlapped`,
		},
		{
			name: "n8n floor: CPU per item of the prompt's expression alone (Edit Fields)",
			value: value(expression),
			unit: 'ms',
			...skipped(expression),
			detail: `an Edit Fields (Set) node setting prompt = {{ $json.prompt }} on the same ${config.items} items, after a warm-up pass: what n8n spends per item on the expression every Routed Chat item evaluates`,
		},
		{
			name: 'n8n floor: CPU per item of the HTTP Request node (0 ms)',
			value: value(http),
			unit: 'ms',
			...skipped(http),
			detail: `the floor row's first HTTP Request pass: its body expression and n8n's HTTP helper (a new agent and connection per request), all ${config.items} requests at once`,
		},
	];
}
