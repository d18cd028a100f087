import type { Execution, Json } from './execution';
import { clip, formatColumns, usd } from './textTable';
import type { Workflow } from './workflowFile';

export const ROUTED_CHAT_MODEL_TYPE = 'n8n-nodes-routed-chat.routedChatModel';

/** One call of a Routed Chat Model sub-node, as its run data shows it. */
export interface ModelCallRow {
	usedBy: string;
	requested: string;
	model: string;
	fallbackUsed: boolean;
	attempts: string;
	toolCalls: string;
	tokens: number;
	costUsd: number;
}

interface Connections {
	[source: string]: { ai_languageModel?: Array<Array<{ node: string }>> };
}

/** Each attempt as `model: outcome` (the status of a failure, and a wait before it). */
function describeAttempts(attempts: Json[]): string {
	return attempts
		.map((attempt) => {
			const wait = Number(attempt.waitMs) > 0 ? ` after ${attempt.waitMs} ms` : '';
			return attempt.outcome === 'success'
				? `ok${wait}`
				: `${attempt.status ?? attempt.kind}${wait}`;
		})
		.join(' → ');
}

/** Every call of every Routed Chat Model node, in run order, with the root node that made it. */
export function modelCallRows(
	execution: Execution,
	workflow: Workflow & { connections?: Connections },
): ModelCallRow[] {
	const nodes = workflow.nodes.filter((node) => node.type === ROUTED_CHAT_MODEL_TYPE);
	return nodes.flatMap((node) => {
		const usedBy = workflow.connections?.[node.name]?.ai_languageModel?.[0]?.[0]?.node ?? '?';
		const runs = execution.data.resultData.runData[node.name] ?? [];
		return runs.map((run) => {
			const data = run.data as { ai_languageModel?: Array<Array<{ json: Json }>> } | undefined;
			const routed = (data?.ai_languageModel?.[0]?.[0]?.json.routedChat ?? {}) as Json;
			const usage = (routed.usage ?? {}) as Json;
			const cost = (routed.cost ?? {}) as Json;
			return {
				usedBy,
				requested: String(routed.requestedModel ?? '-'),
				model: String(routed.model ?? (run.error?.message ? `FAILED: ${run.error.message}` : '-')),
				fallbackUsed: routed.fallbackUsed === true,
				attempts: describeAttempts((routed.attempts ?? []) as Json[]),
				toolCalls: ((routed.toolCalls ?? []) as string[]).join(', '),
				tokens: Number(usage.totalTokens ?? 0),
				costUsd: Number(cost.totalUsd ?? 0),
			};
		});
	});
}

export function formatModelCallTable(rows: ModelCallRow[]): string {
	const header = [
		'#',
		'Used by',
		'Model served',
		'Fallback',
		'Attempts',
		'Calls tool',
		'Tokens',
		'Cost (USD)',
	];
	const body = rows.map((row, index) => [
		String(index + 1),
		row.usedBy,
		clip(row.model, 40),
		row.fallbackUsed ? `yes (asked ${row.requested})` : 'no',
		row.attempts,
		row.toolCalls || '-',
		String(row.tokens),
		usd(row.costUsd),
	]);
	const total = [
		'',
		`Total (${rows.length} model calls)`,
		'',
		'',
		'',
		'',
		String(rows.reduce((sum, row) => sum + row.tokens, 0)),
		usd(rows.reduce((sum, row) => sum + row.costUsd, 0)),
	];
	return formatColumns(header, body, total, new Set([0, 6, 7]));
}
