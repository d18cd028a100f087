import assert from 'node:assert/strict';

import {
	type Execution,
	inputItemOf,
	type Json,
	outputItems,
	pairedIndex,
	succeeded,
} from '../../scripts/n8n/execution';
import {
	modelList,
	nodeNamed,
	routedChatNodes,
	type Workflow,
	type WorkflowNode,
} from '../../scripts/n8n/workflowFile';
import type { Check } from './check';
import { expectedCostUsd, type Pricing } from './mockPricing';

export interface DemoRun {
	execution: Execution;
	workflow: Workflow;
	pricing: Map<string, Pricing>;
}

function routedChatNode(workflow: Workflow, routing: 'tier' | 'pinned'): WorkflowNode {
	const node = routedChatNodes(workflow).find(
		(candidate) => candidate.parameters.routing === routing,
	);
	assert.ok(node, `the example has no Routed Chat node with routing "${routing}"`);
	return node;
}

function served(run: DemoRun, node: WorkflowNode): Json[] {
	return outputItems(run.execution, node.name).map((item) => item.json);
}

const pinnedModelOf = (node: WorkflowNode) =>
	String((node.parameters.model as { value: unknown }).value);

/** What the example workflow (examples/routed-chat-demo.json) must show when n8n runs it on the mock's demo scenario. */
export function demoChecks(run: DemoRun): Check[] {
	const { execution, workflow } = run;
	const tierNode = routedChatNode(workflow, 'tier');
	const pinnedNode = routedChatNode(workflow, 'pinned');
	const allServed = () => [...served(run, tierNode), ...served(run, pinnedNode)];

	return [
		{
			name: 'the example workflow succeeded in n8n',
			run: () => {
				const error = execution.data.resultData.error;
				assert.ok(
					succeeded(execution),
					`status ${execution.status}: ${error?.message ?? ''} ${error?.description ?? ''}`,
				);
				assert.equal(execution.data.resultData.lastNodeExecuted, 'Total cost');
			},
		},
		{
			name: 'n8n ran both Routed Chat nodes (type n8n-nodes-routed-chat.routedChat) from the installed package',
			run: () => {
				for (const node of [tierNode, pinnedNode]) {
					const runs = execution.data.resultData.runData[node.name];
					assert.ok(runs?.length, `no run data for "${node.name}"`);
					assert.equal(
						runs[0].executionStatus,
						'success',
						`"${node.name}": ${runs[0].error?.message ?? ''}`,
					);
				}
			},
		},
		{
			name: 'one output item per input, paired to it, in input order',
			run: () => {
				for (const node of [tierNode, pinnedNode]) {
					const items = outputItems(execution, node.name);
					const inputs = items.map((item) => inputItemOf(execution, node.name, item));
					assert.equal(items.length, node === tierNode ? 9 : 1, `items from "${node.name}"`);
					items.forEach((item, index) => {
						assert.equal(pairedIndex(item)?.item, index, `"${node.name}" item ${index} pairedItem`);
						assert.ok(
							inputs[index]?.json.request,
							`"${node.name}" item ${index} has no paired request`,
						);
					});
				}
			},
		},
		{
			name: 'the tier expression sends routine requests to the cheap tier and hard ones to the strong tier',
			run: () => {
				const first = {
					cheap: modelList(tierNode.parameters.cheapModels)[0],
					strong: modelList(tierNode.parameters.strongModels)[0],
				};
				const items = outputItems(execution, tierNode.name);
				const tiers = items.map((item) =>
					inputItemOf(execution, tierNode.name, item)?.json.difficulty === 'hard'
						? 'strong'
						: 'cheap',
				);
				assert.ok(
					tiers.includes('cheap') && tiers.includes('strong'),
					'the example should use both tiers',
				);
				items.forEach(({ json }, index) => {
					const tier = tiers[index];
					assert.equal(json.tier, tier, `item ${index} tier`);
					assert.equal(json.model, first[tier], `item ${index} served by`);
					assert.equal(json.requestedModel, first[tier], `item ${index} requested`);
					assert.equal(json.fallbackUsed, false, `item ${index} fallbackUsed`);
				});
			},
		},
		{
			name: 'the pinned model is down: the fallback serves, and attempts show the failure',
			run: () => {
				const [json] = served(run, pinnedNode);
				const pinned = pinnedModelOf(pinnedNode);
				const fallback = modelList(pinnedNode.parameters.fallbackModels)[0];
				assert.equal(json.requestedModel, pinned);
				assert.equal(json.model, fallback);
				assert.equal(json.fallbackUsed, true);
				const attempts = json.attempts as Json[];
				assert.equal(attempts[0].model, pinned, 'first attempt');
				assert.equal(attempts[0].outcome, 'error', 'first attempt outcome');
				assert.equal(attempts[0].status, 503, 'first attempt status');
				assert.equal(attempts.at(-1)?.model, fallback, 'last attempt');
				assert.equal(attempts.at(-1)?.outcome, 'success', 'last attempt outcome');
			},
		},
		{
			name: "each cost is the gateway's: tokens × the mock's own /models prices",
			run: () => {
				for (const json of allServed()) {
					const usage = json.usage as {
						promptTokens: number;
						completionTokens: number;
						totalTokens: number;
					};
					const cost = json.cost as { totalUsd: number; source: string };
					const pricing = run.pricing.get(String(json.model));
					assert.ok(pricing, `the mock does not list ${String(json.model)}`);
					assert.ok(
						usage.promptTokens > 0 && usage.completionTokens > 0,
						`${String(json.model)}: no tokens counted`,
					);
					assert.equal(
						usage.totalTokens,
						usage.promptTokens + usage.completionTokens,
						'total tokens',
					);
					assert.equal(cost.source, 'gateway', `${String(json.model)} cost source`);
					const expected = expectedCostUsd(pricing, usage.promptTokens, usage.completionTokens);
					assert.ok(
						Math.abs(cost.totalUsd - expected) < 1e-12,
						`${String(json.model)}: cost ${cost.totalUsd}, expected ${expected}`,
					);
				}
			},
		},
		{
			name: 'a following Set node reads {{$json.cost.totalUsd}} and {{$json.model}}',
			run: () => {
				const setItems = outputItems(execution, nodeNamed(workflow, 'Cost per request').name).map(
					(item) => item.json,
				);
				const answers = allServed();
				assert.equal(setItems.length, answers.length, 'items after the Set node');
				setItems.forEach((json, index) => {
					assert.equal(json.model, answers[index].model, `item ${index} model`);
					assert.equal(
						json.costUsd,
						(answers[index].cost as { totalUsd: number }).totalUsd,
						`item ${index} costUsd`,
					);
				});
			},
		},
		{
			name: 'the Summarize node totals what the Set node read',
			run: () => {
				const [total] = outputItems(execution, nodeNamed(workflow, 'Total cost').name).map(
					(item) => item.json,
				);
				const sum = allServed().reduce(
					(acc, json) => acc + (json.cost as { totalUsd: number }).totalUsd,
					0,
				);
				assert.equal(total?.count_model, 10, 'count');
				assert.ok(
					Math.abs(Number(total?.sum_costUsd) - sum) < 1e-12,
					`sum ${String(total?.sum_costUsd)} vs ${sum}`,
				);
			},
		},
		{
			name: "the execution's custom data holds the total cost, the paid calls and the models that served",
			run: () => {
				const data = execution.data.resultData.metadata ?? {};
				const items = allServed();
				const sum = items.reduce(
					(acc, json) => acc + (json.cost as { totalUsd: number }).totalUsd,
					0,
				);
				const paid = items.flatMap((json) =>
					(json.attempts as Array<{ servedBy?: string }>).filter((attempt) => attempt.servedBy),
				);
				assert.ok(
					Math.abs(Number(data.routedChatCostUsd) - sum) < 1e-9,
					`routedChatCostUsd ${data.routedChatCostUsd} vs the items' ${sum}`,
				);
				assert.equal(data.routedChatCalls, String(paid.length));
				assert.deepEqual(
					(data.routedChatModels ?? '').split(',').sort(),
					[...new Set(paid.map((attempt) => attempt.servedBy))].sort(),
				);
			},
		},
	];
}
