import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { asTool } from './asTool';

/**
 * Every node type a harness workflow may use, by the type name saved in workflow JSON.
 * Each loads on first use: our node is compiled from source by ts-jest, which only
 * the tests that run it should pay for.
 */
export const NODE_TYPES: Record<string, () => Promise<INodeType | IVersionedNodeType>> = {
	'n8n-nodes-base.manualTrigger': async () =>
		new (
			await import('n8n-nodes-base/dist/nodes/ManualTrigger/ManualTrigger.node')
		).ManualTrigger(),
	'n8n-nodes-base.set': async () =>
		new (await import('n8n-nodes-base/dist/nodes/Set/Set.node')).Set(),
	'n8n-nodes-base.if': async () => new (await import('n8n-nodes-base/dist/nodes/If/If.node')).If(),
	'n8n-nodes-base.noOp': async () =>
		new (await import('n8n-nodes-base/dist/nodes/NoOp/NoOp.node')).NoOp(),
	'n8n-nodes-base.stopAndError': async () =>
		new (await import('n8n-nodes-base/dist/nodes/StopAndError/StopAndError.node')).StopAndError(),
	'n8n-nodes-routed-chat.routedChat': async () =>
		new (await import('../../../nodes/RoutedChat/RoutedChat.node')).RoutedChat(),
	'n8n-nodes-routed-chat.routedChatTool': async () =>
		asTool(new (await import('../../../nodes/RoutedChat/RoutedChat.node')).RoutedChat()),
	'n8n-nodes-routed-chat.routedChatModel': async () =>
		new (await import('../../../nodes/RoutedChatModel/RoutedChatModel.node')).RoutedChatModel(),
	'test.modelCaller': async () => new (await import('../modelCaller.node')).ModelCaller(),
	'test.toolCaller': async () => new (await import('../toolCaller.node')).ToolCaller(),
};

/** Every credential type the harness can resolve and authenticate with. */
export const CREDENTIAL_TYPES: Record<string, () => Promise<ICredentialType>> = {
	routedChatOpenRouterApi: async () =>
		new (
			await import('../../../credentials/RoutedChatOpenRouterApi.credentials')
		).RoutedChatOpenRouterApi(),
};
