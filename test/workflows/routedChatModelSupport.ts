import type { EvalLlmMockHandler } from 'n8n-core';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { WorkflowDefinition, WorkflowRun } from './harness';
import { NODE_TYPES } from './harness/registry';
import { modelCallerWorkflow, ROUTED_CHAT_MODEL } from './support';

/** Routed Chat Model's parameters for a pinned model, with client-side fallbacks. */
export function pinnedModel(model: string, extra: INodeParameters = {}): INodeParameters {
	return {
		routing: 'pinned',
		model: { __rl: true, mode: 'id', value: model },
		fallbackMode: 'client',
		...extra,
	};
}

/** What n8n's tracing wrote for each call of the sub-node, with the routing our node adds. */
export function modelCalls(run: WorkflowRun): IDataObject[] {
	return (run.runData[ROUTED_CHAT_MODEL] ?? []).map(
		(task) => task.data?.ai_languageModel?.[0]?.[0]?.json ?? {},
	);
}

const AGENT_TYPE = 'test.routedChatModelAgent';
NODE_TYPES[AGENT_TYPE] ??= async () =>
	new (await import('./routedChatModelAgent.node')).RoutedChatModelAgent();

/**
 * Start → an agent-like root node (routedChatModelAgent.node.ts, which calls its model as n8n's
 * AI Agent does), named Model Caller, with Routed Chat Model on its `ai_languageModel` input.
 */
export function agentWorkflow(parameters: INodeParameters): WorkflowDefinition {
	const workflow = modelCallerWorkflow(parameters);
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.type === 'test.modelCaller' ? { ...node, type: AGENT_TYPE } : node,
		),
	};
}

export interface WireToolCall {
	id: string;
	name: string;
	arguments: string;
}

/**
 * n8n's evaluation mock (which answers a node's requests before they are sent) playing a model
 * that calls several tools in one answer, which the mock gateway's models do not: the first chat
 * request gets `calls`, streamed as OpenRouter streams them when it asked for a stream; every
 * other request goes on to the mock gateway.
 */
export function severalToolCallsFirst(calls: WireToolCall[]): EvalLlmMockHandler {
	let answered = false;
	return async (request) => {
		if (answered || !request.url.endsWith('/chat/completions')) return undefined;
		answered = true;
		const { model, stream } = request.body as { model: string; stream?: boolean };
		const toolCalls = calls.map(({ id, name, arguments: args }) => ({
			id,
			type: 'function',
			function: { name, arguments: args },
		}));
		const usage = { prompt_tokens: 30, completion_tokens: 20, total_tokens: 50, cost: 0.00007 };
		const base = { id: 'gen-tools', created: 1_700_000_000, model, provider: 'MockProvider' };
		if (!stream)
			return {
				statusCode: 200,
				headers: { 'content-type': 'application/json' },
				body: {
					...base,
					object: 'chat.completion',
					choices: [
						{
							index: 0,
							message: { role: 'assistant', content: null, tool_calls: toolCalls },
							finish_reason: 'tool_calls',
						},
					],
					usage,
				},
			};
		const chunk = (delta: IDataObject, finishReason: string | null = null) => ({
			...base,
			object: 'chat.completion.chunk',
			choices: [{ index: 0, delta, finish_reason: finishReason }],
		});
		// Each call: its id and name, then its arguments in two pieces, as OpenAI streams them.
		const pieces = toolCalls.flatMap(({ id, function: { name, arguments: args } }, index) => {
			const half = Math.ceil(args.length / 2);
			return [
				chunk({ tool_calls: [{ index, id, type: 'function', function: { name, arguments: '' } }] }),
				chunk({ tool_calls: [{ index, function: { arguments: args.slice(0, half) } }] }),
				chunk({ tool_calls: [{ index, function: { arguments: args.slice(half) } }] }),
			];
		});
		const events = [
			...pieces,
			chunk({ content: '' }, 'tool_calls'),
			{ ...base, object: 'chat.completion.chunk', choices: [], usage },
		];
		return {
			statusCode: 200,
			headers: { 'content-type': 'text/event-stream' },
			body: `${events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('')}data: [DONE]\n\n`,
		};
	};
}
