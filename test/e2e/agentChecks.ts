import assert from 'node:assert/strict';

import { type Execution, type Json, outputItems, succeeded } from '../../scripts/n8n/execution';
import { nodeNamed, type Workflow } from '../../scripts/n8n/workflowFile';
import type { Check } from './check';
import { expectedCostUsd, type Pricing } from './mockPricing';

export interface AgentRun {
	execution: Execution;
	workflow: Workflow;
	pricing: Map<string, Pricing>;
}

const CHAIN_MODEL = 'Routed Chat Model: pinned, down';
const AGENT_MODEL = 'Routed Chat Model: agent';

interface RoutedCall {
	model: string;
	requestedModel: string;
	provider: string | null;
	fallbackUsed: boolean;
	finishReason: string | null;
	toolCalls?: string[];
	attempts: Json[];
	usage: { promptTokens: number; completionTokens: number; totalTokens: number };
	cost: { totalUsd: number | null; source: string };
}

/** One run of a sub-node as n8n's LLM tracing writes it, with the `routedChat` our node adds. */
interface ModelRun {
	text: string;
	tokenUsage: { promptTokens: number; completionTokens: number; totalTokens: number };
	routedChat: RoutedCall;
}

function modelRuns(execution: Execution, nodeName: string): ModelRun[] {
	const runs = execution.data.resultData.runData[nodeName] ?? [];
	return runs.map((run, index) => {
		const data = (run.data as { ai_languageModel?: Array<Array<{ json: Json }>> } | undefined)
			?.ai_languageModel?.[0]?.[0]?.json;
		assert.ok(data, `"${nodeName}" run ${index} has no ai_languageModel output`);
		const response = data.response as { generations: Array<Array<{ text: string }>> };
		return {
			text: response.generations[0][0].text,
			tokenUsage: data.tokenUsage as ModelRun['tokenUsage'],
			routedChat: data.routedChat as RoutedCall,
		};
	});
}

function customData(execution: Execution): Record<string, string> {
	return (execution.data.resultData as { metadata?: Record<string, string> }).metadata ?? {};
}

/** What examples/routed-chat-model-agent.json must show when n8n 2.41.1 runs it on the mock's demo scenario. */
export function agentChecks(run: AgentRun): Check[] {
	const { execution, workflow, pricing } = run;
	const chainModel = nodeNamed(workflow, CHAIN_MODEL).parameters;
	const pinned = (chainModel.model as { value: string }).value;
	const fallback = String(chainModel.fallbackModels);

	return [
		{
			name: 'Routed Chat Model: the AI Agent and Basic LLM Chain workflow succeeded in n8n (SDK not installed with the package)',
			run: () => {
				const error = execution.data.resultData.error;
				assert.ok(succeeded(execution), `status ${execution.status}: ${error?.message ?? ''}`);
				for (const name of [CHAIN_MODEL, AGENT_MODEL, 'Basic LLM Chain', 'AI Agent', 'Calculator'])
					assert.ok(execution.data.resultData.runData[name]?.length, `no run of "${name}"`);
			},
		},
		{
			name: 'Basic LLM Chain over Routed Chat Model: the pinned model is down, the fallback serves',
			run: () => {
				const [call] = modelRuns(execution, CHAIN_MODEL);
				assert.equal(call.routedChat.requestedModel, pinned);
				assert.equal(call.routedChat.model, fallback);
				assert.equal(call.routedChat.fallbackUsed, true);
				assert.deepEqual(
					call.routedChat.attempts.map((attempt) => [
						attempt.model,
						attempt.outcome,
						attempt.status,
					]),
					[
						[pinned, 'error', 503],
						[fallback, 'success', undefined],
					],
				);
				const [answer] = outputItems(execution, 'Basic LLM Chain');
				assert.equal(answer.json.text, call.text);
				assert.match(call.text, new RegExp(`^${fallback} answered`));
			},
		},
		{
			name: 'AI Agent over Routed Chat Model: a 429 waits its Retry-After, then the model calls the Calculator and answers from its result',
			run: () => {
				const [toolTurn, answerTurn] = modelRuns(execution, AGENT_MODEL);
				assert.deepEqual(
					toolTurn.routedChat.attempts.map((attempt) => [attempt.outcome, attempt.status]),
					[
						['error', 429],
						['success', undefined],
					],
				);
				assert.equal(toolTurn.routedChat.attempts[0].kind, 'rate_limited');
				assert.ok(
					Number(toolTurn.routedChat.attempts[1].waitMs) >= 1000,
					'the retry waited the Retry-After of 1 s',
				);
				assert.equal(toolTurn.routedChat.finishReason, 'tool_calls');
				assert.deepEqual(toolTurn.routedChat.toolCalls, ['Calculator']);
				const [tool] = execution.data.resultData.runData.Calculator;
				const toolOutput = (tool.data as { ai_tool?: Array<Array<{ json: Json }>> }).ai_tool;
				assert.equal(toolOutput?.[0]?.[0]?.json.response, '391');
				assert.match(answerTurn.text, /answered from the tool result: .*391/);
				const [agent] = outputItems(execution, 'AI Agent');
				assert.equal(agent.json.output, answerTurn.text);
			},
		},
		{
			name: "Routed Chat Model's run data shows per call the models, provider, attempts, tokens and the gateway's cost (tokens × the mock's /models price)",
			run: () => {
				for (const call of [
					...modelRuns(execution, CHAIN_MODEL),
					...modelRuns(execution, AGENT_MODEL),
				]) {
					const routed = call.routedChat;
					assert.ok(routed.provider, 'provider');
					assert.equal(routed.cost.source, 'gateway');
					const price = pricing.get(routed.model);
					assert.ok(price, `no price for ${routed.model}`);
					const expected = expectedCostUsd(
						price,
						routed.usage.promptTokens,
						routed.usage.completionTokens,
					);
					assert.ok(
						Math.abs(Number(routed.cost.totalUsd) - expected) < 1e-12,
						`${routed.model}: cost ${routed.cost.totalUsd}, tokens × price ${expected}`,
					);
					assert.equal(call.tokenUsage.totalTokens, routed.usage.totalTokens, 'tokenUsage');
				}
			},
		},
		{
			name: "the execution's custom data holds the calls' total cost and count",
			run: () => {
				const calls = [...modelRuns(execution, CHAIN_MODEL), ...modelRuns(execution, AGENT_MODEL)];
				const total = calls.reduce((sum, call) => sum + Number(call.routedChat.cost.totalUsd), 0);
				const data = customData(execution);
				assert.equal(data.routedChatCalls, '3');
				assert.ok(
					Math.abs(Number(data.routedChatCostUsd) - total) < 1e-12,
					`custom data ${data.routedChatCostUsd}, calls ${total}`,
				);
			},
		},
	];
}
