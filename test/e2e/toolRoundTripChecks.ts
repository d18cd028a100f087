import assert from 'node:assert/strict';

import {
	type Execution,
	failureMessage,
	type Json,
	outputItems,
	succeeded,
} from '../../scripts/n8n/execution';
import { modelList, routedChatNodes, type Workflow } from '../../scripts/n8n/workflowFile';
import type { Check } from './check';
import { expectedCostUsd, type Pricing } from './mockPricing';

export interface ToolRoundTripRun {
	execution: Execution;
	workflow: Workflow;
	pricing: Map<string, Pricing>;
}

interface ToolCallOut {
	id: string;
	name: string;
	arguments: { a: number; b: number };
}

/** What examples/routed-chat-tool-round-trip.json must show when n8n runs it on the mock's demo scenario. */
export function toolRoundTripChecks(run: ToolRoundTripRun): Check[] {
	const { execution, workflow } = run;
	const [callsTool, answers] = routedChatNodes(workflow);
	const only = (nodeName: string): Json => {
		const items = outputItems(execution, nodeName);
		assert.equal(items.length, 1, `items from "${nodeName}"`);
		return items[0].json;
	};
	const pinned = () => String((callsTool.parameters.model as { value: unknown }).value);
	const fallback = () => modelList(callsTool.parameters.fallbackModels)[0];

	return [
		{
			name: 'the tool round trip example succeeded in n8n, up to the final answer',
			run: () => {
				assert.ok(succeeded(execution), failureMessage(execution));
				assert.equal(execution.data.resultData.lastNodeExecuted, answers.name);
			},
		},
		{
			name: 'tool round trip: arguments that are not JSON are invalid_output and fall over; the fallback calls the tool',
			run: () => {
				const json = only(callsTool.name);
				assert.equal(json.requestedModel, pinned());
				assert.equal(json.model, fallback());
				assert.equal(json.fallbackUsed, true);
				assert.equal(json.finishReason, 'tool_calls');
				assert.equal(json.content, '');
				const attempts = json.attempts as Json[];
				assert.equal(attempts.length, 2, 'attempts');
				assert.equal(attempts[0].model, pinned());
				assert.equal(attempts[0].servedBy, pinned(), 'the refused answer was served (and paid)');
				assert.equal(attempts[0].kind, 'invalid_output');
				assert.match(String(attempts[0].error), /arguments of tool call .* are not valid JSON/);
				assert.equal(attempts[1].outcome, 'success');
				const calls = json.toolCalls as ToolCallOut[];
				assert.equal(calls.length, 1, 'tool calls');
				assert.equal(calls[0].name, 'multiply');
				assert.deepEqual(calls[0].arguments, { a: 17, b: 23 }, 'arguments, parsed');
			},
		},
		{
			name: "tool round trip: the item's cost is both answers' tokens at the mock's /models prices",
			run: () => {
				const json = only(callsTool.name);
				const expected = (json.attempts as Json[]).reduce((sum, attempt) => {
					const usage = attempt.usage as { promptTokens: number; completionTokens: number };
					const pricing = run.pricing.get(String(attempt.servedBy));
					assert.ok(pricing, `the mock does not list ${String(attempt.servedBy)}`);
					return sum + expectedCostUsd(pricing, usage.promptTokens, usage.completionTokens);
				}, 0);
				const cost = json.cost as { totalUsd: number; source: string };
				assert.equal(cost.source, 'gateway');
				assert.ok(
					Math.abs(cost.totalUsd - expected) < 1e-12,
					`cost ${cost.totalUsd}, expected ${expected}`,
				);
			},
		},
		{
			name: "tool round trip: Messages mode sends the tool's result back and the final answer uses it",
			run: () => {
				const [call] = only(callsTool.name).toolCalls as ToolCallOut[];
				const product = call.arguments.a * call.arguments.b;
				const final = only(answers.name);
				assert.equal(final.finishReason, 'stop');
				assert.equal(final.toolCalls, undefined, 'no further tool call');
				assert.equal(
					final.content,
					`${String(final.model)} answered from the tool result: ${product}`,
				);
			},
		},
	];
}
