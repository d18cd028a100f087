import { AIMessage, type BaseMessage, SystemMessage, ToolMessage } from '@langchain/core/messages';
import { HumanMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	NodeConnectionTypes,
} from 'n8n-workflow';
import { z } from 'zod';

import { modelUserDescription } from './modelUserDescription';

/** An answer as the agent reads it, streamed (the chunks concatenated) or whole. */
interface ModelAnswer {
	text: string;
	tool_calls?: Array<{ id?: string; name: string; args: Record<string, unknown> }>;
	concat?(chunk: ModelAnswer): ModelAnswer;
}

/** The slice of a LangChain chat model (or a binding of one) that n8n's AI Agent uses. */
interface AgentModel {
	invoke(messages: BaseMessage[]): Promise<ModelAnswer>;
	stream(messages: BaseMessage[]): Promise<AsyncIterable<ModelAnswer>>;
	bindTools?(tools: unknown[], kwargs?: Record<string, unknown>): AgentModel;
	_modelType?(): string;
}

/** n8n's Calculator, reduced to products: `input` is `a*b`. */
const calculator = tool(
	({ input }) => {
		const [a, b] = input.split('*').map(Number);
		return String(a * b);
	},
	{
		name: 'calculator',
		description: 'Evaluates an arithmetic expression',
		schema: z.object({ input: z.string() }),
	},
);

/**
 * A test-only root node that calls its chat model as n8n's AI Agent (V3, tools agent) does, for
 * what test/workflows/modelCaller.node.ts does not cover: the agent's system message; its
 * Force Tool Call on First Iteration (`bindTools(tools, { tool_choice: 'any' })`, then LangChain's
 * createToolCallingAgent binds the tools again to what it got); every tool call of a turn, streamed
 * or not; and the next turn's history as the agent rebuilds it from its steps (buildSteps.ts,
 * memoryManagement.ts): per call an AI message with empty content and that one call, then the
 * tool's result as JSON text under the call's id.
 */
export class RoutedChatModelAgent implements INodeType {
	description = modelUserDescription({
		displayName: 'Agent-like Model Caller (test)',
		name: 'routedChatModelAgent',
		description: 'Calls the connected chat model as the AI Agent does, once per item',
		defaults: { name: 'Agent' },
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		for (const [itemIndex, item] of this.getInputData().entries()) {
			const model = (await this.getInputConnectionData(
				NodeConnectionTypes.AiLanguageModel,
				itemIndex,
			)) as AgentModel;
			const stream = item.json.stream === true;
			const history: BaseMessage[] = [
				new SystemMessage('You are a helpful assistant'),
				new HumanMessage(String(item.json.prompt)),
			];
			const first = await answer(
				agentModel(model, item.json.forceToolCall === true),
				history,
				stream,
			);
			const calls = first.tool_calls ?? [];
			for (const call of calls) {
				history.push(new AIMessage({ content: [], tool_calls: [{ ...call, type: 'tool_call' }] }));
				const result = await calculator.invoke(call.args as { input: string });
				history.push(
					new ToolMessage({
						content: JSON.stringify([{ response: result }]),
						tool_call_id: call.id ?? '',
						name: call.name,
					}),
				);
			}
			const last = calls.length ? await answer(agentModel(model, false), history, stream) : first;
			output.push({
				json: {
					toolCalls: calls.map(({ name, args }) => ({ name, args })),
					answer: last.text,
				},
				pairedItem: { item: itemIndex },
			});
		}
		return [output];
	}
}

/** The model with the tools bound, as the agent's createAgentSequence and createToolCallingAgent bind them. */
function agentModel(model: AgentModel, forceToolCall: boolean): AgentModel {
	const llm = forceToolCall ? model.bindTools!([calculator], { tool_choice: 'any' }) : model;
	return llm._modelType?.() === 'base_chat_model' ? llm.bindTools!([calculator]) : llm;
}

async function answer(model: AgentModel, messages: BaseMessage[], stream: boolean) {
	if (!stream) return await model.invoke(messages);
	let whole: ModelAnswer | undefined;
	for await (const chunk of await model.stream(messages)) whole = whole?.concat?.(chunk) ?? chunk;
	if (!whole) throw new Error('The stream ended without a chunk');
	return whole;
}
