import {
	type INode,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	Workflow,
} from 'n8n-workflow';

import { RoutedChat } from '../../nodes/RoutedChat/RoutedChat.node';
import { RoutedChatModel } from '../../nodes/RoutedChatModel/RoutedChatModel.node';

/** The subtitle as n8n's canvas computes it: the node's parameters, no item, 'internal' mode. */
function canvasSubtitle(nodeType: INodeType, parameters: INodeParameters): unknown {
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const node: INode = {
		id: 'routed-chat',
		name: nodeType.description.displayName,
		type: `n8n-nodes-routed-chat.${nodeType.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(
		node,
		nodeType.description.subtitle as string,
		'internal',
		{},
	);
}

const pinnedAndTier: Array<[INodeParameters, string]> = [
	[{}, 'Pinned: choose a model'],
	[
		{ model: { __rl: true, mode: 'id', value: 'openai/gpt-4o-mini' } },
		'Pinned: openai/gpt-4o-mini',
	],
	[{ model: { __rl: true, mode: 'id', value: '={{ $json.model }}' } }, 'Pinned (per item)'],
	[{ routing: 'tier' }, 'Tier: cheap'],
	[{ routing: 'tier', tier: 'strong' }, 'Tier: strong'],
	[{ routing: 'tier', tier: "={{ $json.hard ? 'strong' : 'cheap' }}" }, 'Tier (per item)'],
];

describe('the canvas subtitle', () => {
	it.each<[INodeParameters, string]>([
		...pinnedAndTier,
		[{ routing: 'rules' }, 'Rules'],
		[{ routing: 'cascade' }, 'Cascade: cheap → strong'],
	])('of Routed Chat, for %j, reads %s', (parameters, expected) => {
		expect(canvasSubtitle(new RoutedChat(), parameters)).toBe(expected);
	});

	it.each(pinnedAndTier)('of Routed Chat Model, for %j, reads %s', (parameters, expected) => {
		expect(canvasSubtitle(new RoutedChatModel(), parameters)).toBe(expected);
	});
});
