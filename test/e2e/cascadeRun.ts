import assert from 'node:assert/strict';

import {
	type Execution,
	inputItemOf,
	type Json,
	type NodeItem,
	outputItems,
} from '../../scripts/n8n/execution';
import { routedChatNodes, type Workflow, type WorkflowNode } from '../../scripts/n8n/workflowFile';
import { type CheapFlaw, cheapTriage } from '../mock-gateway/scenarios/ticketTriage';
import type { Pricing } from './mockPricing';

/** examples/support-ticket-cascade.json, and the same workflow with Routing = Tier, strong (strongOnlyWorkflow.ts). */
export interface CascadeRun {
	cascade: Execution;
	strongOnly: Execution;
	workflow: Workflow;
	pricing: Map<string, Pricing>;
}

export const nanoUsd = (usd: unknown): number => Math.round(Number(usd) * 1e9);

interface Ticket {
	item: NodeItem;
	input: Json;
	/** Why the mock's cheap model gets this ticket wrong, if it does. */
	flaw?: CheapFlaw;
}

export interface Served {
	tickets: Ticket[];
	summary: Json | undefined;
}

/** The Routed Chat node's ticket items, each with its input and the mock's verdict on it, and its summary item. */
export function served(execution: Execution, node: WorkflowNode): Served {
	const items = outputItems(execution, node.name);
	const tickets = items
		.filter((item) => !('summary' in item.json))
		.map((item) => {
			const input = inputItemOf(execution, node.name, item)?.json ?? {};
			return {
				item,
				input,
				flaw: cheapTriage(`${String(input.subject)}\n${String(input.body)}`).flaw,
			};
		});
	return {
		tickets,
		summary: items.find((item) => 'summary' in item.json)?.json.summary as Json | undefined,
	};
}

export function cascadeNode(workflow: Workflow): WorkflowNode {
	const node = routedChatNodes(workflow).find(
		(candidate) => candidate.parameters.routing === 'cascade',
	);
	assert.ok(node, 'the example has no Routed Chat node in Cascade mode');
	return node;
}

/** Nano-dollars: the cascade's total, the strong-only run's total, and the summary's own strong-only estimate. */
export function costFigures(run: CascadeRun): {
	cascade: number;
	measured: number;
	estimated: number;
} {
	const node = cascadeNode(run.workflow);
	const cascade = served(run.cascade, node).summary;
	const strongOnly = served(run.strongOnly, node).summary;
	return {
		cascade: nanoUsd(cascade?.totalCostUsd),
		measured: nanoUsd(strongOnly?.totalCostUsd),
		estimated: nanoUsd(cascade?.strongestOnlyCostUsd),
	};
}
