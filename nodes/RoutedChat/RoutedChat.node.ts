import {
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	NodeConnectionTypes,
} from 'n8n-workflow';

import { cascadeProperties } from './description/cascade';
import { fallbackProperties } from './description/fallbacks';
import { messageProperties } from './description/messages';
import { optionsProperty } from './description/options';
import { routingProperties } from './description/routing';
import { ruleProperties } from './description/rules';
import { subtitle } from './description/subtitle';
import { executeRoutedChat } from './execution/executeRoutedChat';
import { searchModels } from './methods/searchModels';
import { CREDENTIAL_TYPE } from './transport/credentialType';

export class RoutedChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Routed Chat',
		name: 'routedChat',
		icon: { light: 'file:routedChat.svg', dark: 'file:routedChat.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle,
		description:
			'Chat completions through OpenRouter or any OpenAI-compatible gateway: pinned models or cheap/strong tiers, ordered fallbacks, and the model, tokens, cost and latency of every call',
		defaults: { name: 'Routed Chat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			...messageProperties,
			...routingProperties,
			...ruleProperties,
			...cascadeProperties,
			...fallbackProperties,
			optionsProperty,
		],
	};

	methods = {
		listSearch: { searchModels },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeRoutedChat(this);
	}
}
