import { type INodeTypeDescription, NodeConnectionTypes } from 'n8n-workflow';

/** A test-only root node that takes one chat model on its `ai_languageModel` input, as n8n's chains and agents do. */
export function modelUserDescription(
	named: Pick<INodeTypeDescription, 'displayName' | 'name' | 'description' | 'defaults'>,
): INodeTypeDescription {
	return {
		...named,
		group: ['transform'],
		version: 1,
		inputs: [
			NodeConnectionTypes.Main,
			{ type: NodeConnectionTypes.AiLanguageModel, maxConnections: 1, required: true },
		],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};
}
