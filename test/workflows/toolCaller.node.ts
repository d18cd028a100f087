import type { StructuredTool } from '@langchain/core/tools';
import {
	type EngineRequest,
	type EngineResponse,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	NodeConnectionTypes,
} from 'n8n-workflow';

/**
 * A test-only root node that runs the tool on its `ai_tool` input as n8n 2.41.1's AI Agent does,
 * with each item's `args` as the arguments of the model's call. `via: 'engine'` as Agent V3 (the
 * default): it hands the call to the engine, which runs the tool node as a node of the workflow,
 * and outputs the tool's items when resumed. `via: 'invoke'` as Agent V1–V2: it invokes the tool
 * n8n built for the node (createNodeAsTool), which runs the node in a supply-data context.
 */
export class ToolCaller implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tool Caller (test)',
		name: 'toolCaller',
		group: ['transform'],
		version: 1,
		description: 'Calls the connected tool once per item, as the AI Agent does',
		defaults: { name: 'Tool Caller' },
		inputs: [NodeConnectionTypes.Main, NodeConnectionTypes.AiTool],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(
		this: IExecuteFunctions,
		response?: EngineResponse,
	): Promise<INodeExecutionData[][] | EngineRequest> {
		const items = this.getInputData();
		if (response?.actionResponses.length) {
			// The tool's run, as the agent reads it back (buildSteps.ts).
			const results = response.actionResponses.map(({ data }) =>
				(data.data?.ai_tool?.[0] ?? []).map((item) => item.json),
			);
			return [results.map((result, item) => ({ json: { result }, pairedItem: { item } }))];
		}
		const [tool] = (await this.getInputConnectionData(
			NodeConnectionTypes.AiTool,
			0,
		)) as StructuredTool[];
		if (items[0]?.json.via === 'engine')
			return {
				actions: items.map((item, itemIndex) => ({
					actionType: 'ExecutionNodeAction' as const,
					nodeName: String(tool.metadata?.sourceNodeName),
					input: item.json.args as IDataObject,
					type: NodeConnectionTypes.AiTool,
					id: `call_${itemIndex}`,
					metadata: { itemIndex },
				})),
				metadata: {},
			};
		const output: INodeExecutionData[] = [];
		for (const [itemIndex, item] of items.entries()) {
			const text = (await tool.invoke(item.json.args as IDataObject)) as string;
			output.push({
				json: { name: tool.name, result: JSON.parse(text) as IDataObject[] },
				pairedItem: { item: itemIndex },
			});
		}
		return [output];
	}
}
