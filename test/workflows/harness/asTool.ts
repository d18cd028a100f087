import { type INodeType, NodeConnectionTypes } from 'n8n-workflow';

/**
 * The node type n8n derives from one with `usableAsTool` (n8n 2.41.1's
 * tool-generation/ai-tools.js and NodeTypes): named `<name>Tool`, no input, an `ai_tool` output,
 * a Description the agent reads, and the same `execute`.
 */
export function asTool(nodeType: INodeType): INodeType {
	const { description } = nodeType;
	return Object.create(nodeType, {
		description: {
			value: {
				...description,
				name: `${description.name}Tool`,
				displayName: `${description.displayName} Tool`,
				inputs: [],
				outputs: [NodeConnectionTypes.AiTool],
				usableAsTool: undefined,
				properties: [
					{
						displayName: 'Description',
						name: 'toolDescription',
						type: 'string',
						default: description.description,
						required: true,
					},
					...description.properties,
				],
			},
		},
	}) as INodeType;
}
