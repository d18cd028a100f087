import { AIMessage, HumanMessage, ToolMessage } from '@langchain/core/messages';
import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	NodeConnectionTypes,
} from 'n8n-workflow';

import { modelUserDescription } from './modelUserDescription';

/** The slice of a LangChain chat model that n8n's chains and agents use. */
interface ChatModel {
	invoke(input: unknown): Promise<AIMessage>;
	stream(
		input: unknown,
	): Promise<AsyncIterable<{ text: string; response_metadata?: Record<string, unknown> }>>;
	bindTools(tools: unknown[]): ChatModel;
}

const calculator = {
	type: 'function',
	function: {
		name: 'calculator',
		description: 'Evaluates an arithmetic expression',
		parameters: { type: 'object', properties: { input: { type: 'string' } } },
	},
};

/** The tool the test "agent" runs: multiplies the two numbers in `input`. */
function runCalculator(args: Record<string, unknown>): string {
	const [a, b] = String(args.input).split('*').map(Number);
	return String(a * b);
}

/**
 * A test-only root node that uses a chat model from its `ai_languageModel`
 * input as n8n's LangChain nodes do (the harness cannot load
 * @n8n/n8n-nodes-langchain): `invoke` as the Basic LLM Chain does, and with
 * `tool` set, a tool round trip as the AI Agent does (bindTools, invoke, run
 * the tool, invoke again with the tool's result); with `stream` set, `stream`
 * as the AI Agent does when it streams to a Chat Trigger. An item's `content`, when
 * given, is the question's content blocks (text, images, files) instead of `prompt`.
 */
export class ModelCaller implements INodeType {
	description = modelUserDescription({
		displayName: 'Model Caller (test)',
		name: 'modelCaller',
		description: 'Calls the connected chat model once per item',
		defaults: { name: 'Model Caller' },
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		for (const [itemIndex, item] of this.getInputData().entries()) {
			const model = (await this.getInputConnectionData(
				NodeConnectionTypes.AiLanguageModel,
				itemIndex,
			)) as ChatModel;
			const question = new HumanMessage(
				item.json.content
					? { content: item.json.content as HumanMessage['content'] }
					: String(item.json.prompt),
			);
			if (item.json.stream) {
				const chunks: string[] = [];
				const errors: unknown[] = [];
				for await (const chunk of await model.stream([question])) {
					if (chunk.text) chunks.push(chunk.text);
					if (chunk.response_metadata?.finish_reason === 'error')
						errors.push(chunk.response_metadata.error);
				}
				output.push({
					json: { chunks, answer: chunks.join(''), errors },
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			if (!item.json.tool) {
				const answer = await model.invoke([question]);
				output.push({ json: { answer: answer.text }, pairedItem: { item: itemIndex } });
				continue;
			}
			const withTools = model.bindTools([calculator]);
			const call = await withTools.invoke([question]);
			const results = (call.tool_calls ?? []).map(
				(toolCall) =>
					new ToolMessage({
						content: runCalculator(toolCall.args),
						tool_call_id: toolCall.id ?? '',
					}),
			);
			const answer = await withTools.invoke([question, call, ...results]);
			output.push({
				json: {
					toolCalls: (call.tool_calls ?? []).map(({ name, args }) => ({ name, args })),
					answer: answer.text,
				},
				pairedItem: { item: itemIndex },
			});
		}
		return [output];
	}
}
