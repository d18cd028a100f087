import type { IConnections, IDataObject, INode, INodeParameters } from 'n8n-workflow';

import type { MockGateway } from '../mock-gateway';
import type { HarnessCredentials, WorkflowDefinition, WorkflowRun } from './harness';

export const ROUTED_CHAT = 'Routed Chat';

export function routedChatNode(parameters: INodeParameters, onError?: INode['onError']): INode {
	return {
		id: 'routed-chat',
		name: ROUTED_CHAT,
		type: 'n8n-nodes-routed-chat.routedChat',
		typeVersion: 1,
		position: [200, 0],
		parameters,
		...(onError && { onError }),
	};
}

export function builtIn(
	name: string,
	type: string,
	typeVersion: number,
	parameters: INodeParameters = {},
): INode {
	return {
		id: name,
		name,
		type: `n8n-nodes-base.${type}`,
		typeVersion,
		position: [0, 0],
		parameters,
	};
}

/** A Set node (v3.4) that adds fields from expressions and keeps the others. */
export function setNode(name: string, fields: Record<string, string>): INode {
	const assignments = Object.entries(fields).map(([field, value]) => ({
		id: field,
		name: field,
		value,
		type: 'string',
	}));
	return builtIn(name, 'set', 3.4, {
		mode: 'manual',
		includeOtherFields: true,
		assignments: { assignments },
	});
}

/** Start → Routed Chat, with Routed Chat's outputs wired to `Served` (0) and `Failed` (1), and any extra nodes after Served. */
export function chatWorkflow(
	parameters: INodeParameters,
	options: { onError?: INode['onError']; after?: INode[] } = {},
): WorkflowDefinition {
	const after = options.after ?? [];
	const nodes = [
		builtIn('Start', 'manualTrigger', 1),
		routedChatNode(parameters, options.onError),
		builtIn('Served', 'noOp', 1),
		builtIn('Failed', 'noOp', 1),
		...after,
	];
	const connections: IConnections = {
		Start: { main: [[{ node: ROUTED_CHAT, type: 'main', index: 0 }]] },
		[ROUTED_CHAT]: {
			main: [
				[{ node: 'Served', type: 'main', index: 0 }],
				[{ node: 'Failed', type: 'main', index: 0 }],
			],
		},
	};
	after.reduce((previous, node) => {
		connections[previous] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
		return node.name;
	}, 'Served');
	return { nodes, connections };
}

export const ROUTED_CHAT_MODEL = 'Routed Chat Model';

/**
 * Start → Model Caller (test/workflows/modelCaller.node.ts, a root node that calls its model as the
 * Basic LLM Chain and the AI Agent do), with Routed Chat Model on its `ai_languageModel` input.
 */
export function modelCallerWorkflow(parameters: INodeParameters): WorkflowDefinition {
	const nodes: INode[] = [
		builtIn('Start', 'manualTrigger', 1),
		{
			id: 'caller',
			name: 'Model Caller',
			type: 'test.modelCaller',
			typeVersion: 1,
			position: [200, 0],
			parameters: {},
		},
		{
			id: 'model',
			name: ROUTED_CHAT_MODEL,
			type: 'n8n-nodes-routed-chat.routedChatModel',
			typeVersion: 1,
			position: [200, 200],
			parameters,
		},
	];
	const connections: IConnections = {
		Start: { main: [[{ node: 'Model Caller', type: 'main', index: 0 }]] },
		[ROUTED_CHAT_MODEL]: {
			ai_languageModel: [[{ node: 'Model Caller', type: 'ai_languageModel', index: 0 }]],
		},
	};
	return { nodes, connections };
}

export function pinned(model: string, extra: INodeParameters = {}): INodeParameters {
	return {
		prompt: '={{ $json.text }}',
		routing: 'pinned',
		model: { __rl: true, mode: 'id', value: model },
		fallbackMode: 'client',
		...extra,
	};
}

/** Routed Chat parameters routing `{{ $json.text }}` by Rules between two tiers of one model each, cheap by default. */
export function ruleRouted(
	rules: INodeParameters['rules'],
	tiers: { cheap: string; strong: string },
): INodeParameters {
	return {
		prompt: '={{ $json.text }}',
		routing: 'rules',
		rules,
		tier: 'cheap',
		cheapModels: tiers.cheap,
		strongModels: tiers.strong,
	};
}

export function credentialsFor(
	gateway: MockGateway,
	overrides: IDataObject = {},
): HarnessCredentials {
	return {
		routedChatOpenRouterApi: {
			apiKey: gateway.apiKey,
			baseUrl: gateway.baseUrl,
			// The mock plays OpenRouter on a loopback address.
			gatewayType: 'openRouter',
			appUrl: '',
			appName: '',
			...overrides,
		},
	};
}

export function outputJson(run: WorkflowRun, node: string, output = 0): IDataObject[] {
	return (run.outputs[node]?.[output] ?? []).map((item) => item.json);
}

export function pairedIndexes(run: WorkflowRun, node: string, output = 0): unknown[] {
	return (run.outputs[node]?.[output] ?? []).map(
		(item) => (item.pairedItem as { item: number }).item,
	);
}

/** Each run of a node: the items of its first output. */
export function runsOf(run: WorkflowRun, node: string): IDataObject[][] {
	return (run.runData[node] ?? []).map((task) =>
		(task.data?.main[0] ?? []).map((item) => item.json),
	);
}
