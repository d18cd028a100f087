import {
	type INodeType,
	type INodeTypeDescription,
	type ISupplyDataFunctions,
	NodeConnectionTypes,
	type SupplyData,
} from 'n8n-workflow';

import { subtitle } from '../RoutedChat/description/subtitle';
import { createExecutionServices } from '../RoutedChat/execution/executionServices';
import { searchModels } from '../RoutedChat/methods/searchModels';
import { toNodeError } from '../RoutedChat/output/itemFailure';
import { CREDENTIAL_TYPE } from '../RoutedChat/transport/credentialType';
import { CallLedger, contextWithLedger } from './callLedger';
import { modelProperties } from './description/modelProperties';
import { readModelPlan } from './readModelPlan';
import { routeModelCall } from './routeModelCall';
import { supplyRoutedChatModel } from './sdkAdapter';

export class RoutedChatModel implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Routed Chat Model',
		name: 'routedChatModel',
		icon: { light: 'file:routedChatModel.svg', dark: 'file:routedChatModel.dark.svg' },
		group: ['transform'],
		subtitle,
		version: 1,
		description:
			'A chat model for AI Agents and chains: pinned model or cheap/strong tier, ordered fallbacks, retries and the cost of every call, through OpenRouter or any OpenAI-compatible gateway',
		defaults: { name: 'Routed Chat Model' },
		inputs: [],
		outputs: [NodeConnectionTypes.AiLanguageModel],
		outputNames: ['Model'],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: modelProperties,
	};

	methods = {
		listSearch: { searchModels },
	};

	async supplyData(this: ISupplyDataFunctions, itemIndex: number): Promise<SupplyData> {
		const services = await createExecutionServices(this);
		let plan;
		try {
			plan = readModelPlan(this, itemIndex);
		} catch (error) {
			throw toNodeError(this.getNode(), error, itemIndex, services.redact);
		}
		const ledger = new CallLedger();
		return await supplyRoutedChatModel(
			contextWithLedger(this, ledger),
			{ provider: 'openrouter', modelId: plan.chain.models[0] },
			routeModelCall(this, itemIndex, plan, services, ledger),
		);
	}
}
