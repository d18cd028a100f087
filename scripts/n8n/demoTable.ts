import { type Execution, inputItemOf, type Json, outputItems } from './execution';
import { clip, formatColumns, usd } from './textTable';
import { routedChatNodes, type Workflow } from './workflowFile';

export interface DemoRow {
	request: string;
	tier: string;
	model: string;
	fallbackUsed: boolean;
	tokens: number;
	costUsd: number;
	latencyMs: number;
	error?: string;
}

function field<T>(json: Json, path: string, fallback: T): T {
	let value: unknown = json;
	for (const key of path.split('.')) value = (value as Json | undefined)?.[key];
	return (value ?? fallback) as T;
}

/** One row per item each Routed Chat node sent, with the request it was paired with. */
export function demoRows(execution: Execution, workflow: Workflow): DemoRow[] {
	return routedChatNodes(workflow).flatMap((node) =>
		outputItems(execution, node.name).map((item) => {
			const { json } = item;
			return {
				request: String(inputItemOf(execution, node.name, item)?.json.request ?? '?'),
				tier: field(json, 'tier', 'pinned'),
				model: field(json, 'model', '-'),
				fallbackUsed: field(json, 'fallbackUsed', false),
				tokens: field(json, 'usage.totalTokens', 0),
				costUsd: field(json, 'cost.totalUsd', 0),
				latencyMs: field(json, 'latencyMs', 0),
				error: typeof json.error === 'string' ? json.error : undefined,
			};
		}),
	);
}

export function formatDemoTable(rows: DemoRow[]): string {
	const header = [
		'#',
		'Request',
		'Tier',
		'Model served',
		'Fallback',
		'Tokens',
		'Cost (USD)',
		'Latency',
	];
	const body = rows.map((row, index) => [
		String(index + 1),
		clip(row.request, 46),
		row.tier,
		row.error ? `FAILED: ${clip(row.error, 40)}` : row.model,
		row.fallbackUsed ? 'yes' : 'no',
		String(row.tokens),
		usd(row.costUsd),
		`${row.latencyMs} ms`,
	]);
	const totalTokens = rows.reduce((sum, row) => sum + row.tokens, 0);
	const totalCost = rows.reduce((sum, row) => sum + row.costUsd, 0);
	const total = [
		'',
		`Total (${rows.length} requests)`,
		'',
		'',
		'',
		String(totalTokens),
		usd(totalCost),
		'',
	];
	return [formatColumns(header, body, total, new Set([0, 5, 6, 7])), '', tierSummary(rows)].join(
		'\n',
	);
}

function tierSummary(rows: DemoRow[]): string {
	const byTier = new Map<string, { count: number; cost: number }>();
	for (const row of rows) {
		const tier = byTier.get(row.tier) ?? { count: 0, cost: 0 };
		byTier.set(row.tier, { count: tier.count + 1, cost: tier.cost + row.costUsd });
	}
	const parts = [...byTier].map(
		([tier, { count, cost }]) => `${tier}: ${count} request${count === 1 ? '' : 's'}, ${usd(cost)}`,
	);
	const fallbacks = rows.filter((row) => row.fallbackUsed).length;
	return `By tier: ${parts.join('; ')}. Served by a fallback: ${fallbacks}.`;
}
