import assert from 'node:assert/strict';

import type { Check } from '../../test/e2e/check';
import { inputItemOf, type Json, type NodeItem, outputItems, pairedIndex } from '../n8n/execution';
import type { StoredExecution } from './executions';
import { type Batch, ROUTED_CHAT_NODE } from './workflow';

/** What one queue-mode run left behind: the executions in PostgreSQL, the workers' logs, the gateway's bill. */
export interface QueueRun {
	batches: Batch[];
	executions: StoredExecution[];
	/** Execution ids per worker, from each worker's log. */
	startedBy: Map<string, string[]>;
	gatewaySpentUsd: number;
}

const nano = (usd: number) => Math.round(usd * 1e9);

interface Attempt {
	status?: number;
	waitMs?: number;
}

/** Routed Chat's output of one execution: the items (one per input) and the cost summary item. */
function routedOutput(execution: StoredExecution): { items: NodeItem[]; summaries: Json[] } {
	const output = outputItems(execution, ROUTED_CHAT_NODE);
	return {
		items: output.filter((item) => !('summary' in item.json)),
		summaries: output.flatMap((item) =>
			'summary' in item.json ? [item.json.summary as Json] : [],
		),
	};
}

function itemCostUsd(item: NodeItem): number {
	return ((item.json.cost as Json | undefined)?.totalUsd as number | undefined) ?? 0;
}

export function queueChecks(run: QueueRun): Check[] {
	const { batches, executions } = run;
	const expectedIds = batches.flatMap((batch) => batch.prompts.map((prompt) => prompt.id));
	const allItems = executions.flatMap((execution) => routedOutput(execution).items);
	return [
		{
			name: `all ${batches.length} executions succeeded`,
			run() {
				assert.equal(executions.length, batches.length, 'executions saved');
				const failed = executions.filter((execution) => execution.status !== 'success');
				assert.deepEqual(
					failed.map((execution) => `${execution.id}: ${execution.status}`),
					[],
					'executions that did not succeed',
				);
			},
		},
		{
			name: `${expectedIds.length} output items, each paired to its input, none lost or duplicated`,
			run() {
				const seen: string[] = [];
				for (const execution of executions) {
					const { items } = routedOutput(execution);
					const paired = items.map((item) => pairedIndex(item)?.item);
					assert.deepEqual(
						[...paired].sort((a, b) => (a ?? -1) - (b ?? -1)),
						paired.map((_, index) => index),
						`execution ${execution.id}: paired indexes are 0..${items.length - 1}, each once`,
					);
					for (const item of items) {
						const id = String(inputItemOf(execution, ROUTED_CHAT_NODE, item)?.json.id);
						assert.match(
							String(item.json.content),
							new RegExp(`\\b${id}\\b`),
							`execution ${execution.id}: the answer paired to ${id} answers it`,
						);
						seen.push(id);
					}
				}
				assert.equal(seen.length, expectedIds.length, 'output items');
				assert.deepEqual([...seen].sort(), [...expectedIds].sort(), 'every prompt answered once');
			},
		},
		{
			name: `the executions spread over all ${run.startedBy.size} workers, each run once`,
			run() {
				for (const [worker, ids] of run.startedBy)
					assert.ok(ids.length > 0, `${worker} ran no execution`);
				const started = [...run.startedBy.values()].flat();
				assert.deepEqual(
					[...started].sort(),
					executions.map((execution) => execution.id).sort(),
					'executions started by the workers',
				);
			},
		},
		{
			name: "each execution's cost summary sums its items",
			run() {
				for (const execution of executions) {
					const { items, summaries } = routedOutput(execution);
					assert.equal(summaries.length, 1, `execution ${execution.id}: one summary item`);
					const [summary] = summaries;
					assert.equal(summary.items, items.length, `execution ${execution.id}: summary.items`);
					assert.equal(summary.served, items.length, `execution ${execution.id}: summary.served`);
					assert.equal(
						nano(summary.totalCostUsd as number),
						items.reduce((sum, item) => sum + nano(itemCostUsd(item)), 0),
						`execution ${execution.id}: summary total vs its items`,
					);
				}
			},
		},
		{
			name: 'the summaries add up to what the gateway charged',
			run() {
				const summed = executions.reduce(
					(sum, execution) =>
						sum + nano(routedOutput(execution).summaries[0]?.totalCostUsd as number),
					0,
				);
				assert.equal(summed, nano(run.gatewaySpentUsd));
			},
		},
		{
			name: 'the fault mix reached the node: 429 with Retry-After, 503, the slow fallback',
			run() {
				const statuses = new Set(
					allItems.flatMap((item) =>
						((item.json.attempts ?? []) as Attempt[]).map((attempt) => attempt.status),
					),
				);
				assert.ok(statuses.has(429), 'some attempt was rate limited');
				const honoured = allItems.some((item) => {
					const attempts = (item.json.attempts ?? []) as Attempt[];
					return attempts.some(
						(attempt, index) =>
							attempt.status === 429 && (attempts[index + 1]?.waitMs ?? 0) >= 1000,
					);
				});
				assert.ok(honoured, "some retry after a 429 waited the gateway's Retry-After (1 s)");
				assert.ok(statuses.has(503), 'some attempt found no endpoint');
				assert.ok(
					allItems.some((item) => item.json.fallbackUsed === true),
					'some item was served by the slow fallback',
				);
			},
		},
	];
}
