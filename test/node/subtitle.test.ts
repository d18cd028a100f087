import { type INode, type INodeParameters, type INodeTypes, Workflow } from 'n8n-workflow';

import { RoutedChat } from '../../nodes/RoutedChat/RoutedChat.node';

const routedChat = new RoutedChat();
const nodeTypes = {
	getByName: () => routedChat,
	getByNameAndVersion: () => routedChat,
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

/** The subtitle as n8n's canvas computes it: the node's parameters, no item, 'internal' mode. */
function canvasSubtitle(parameters: INodeParameters): unknown {
	const node: INode = {
		id: 'routed-chat',
		name: 'Routed Chat',
		type: 'n8n-nodes-routed-chat.routedChat',
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(
		node,
		routedChat.description.subtitle as string,
		'internal',
		{},
	);
}

describe('the canvas subtitle', () => {
	it.each<[INodeParameters, string]>([
		[{}, 'Pinned: choose a model'],
		[
			{ model: { __rl: true, mode: 'id', value: 'openai/gpt-4o-mini' } },
			'Pinned: openai/gpt-4o-mini',
		],
		[{ model: { __rl: true, mode: 'id', value: '={{ $json.model }}' } }, 'Pinned (per item)'],
		[{ routing: 'tier' }, 'Tier: cheap'],
		[{ routing: 'tier', tier: 'strong' }, 'Tier: strong'],
		[{ routing: 'tier', tier: "={{ $json.hard ? 'strong' : 'cheap' }}" }, 'Tier (per item)'],
		[{ routing: 'rules' }, 'Rules'],
		[{ routing: 'cascade' }, 'Cascade: cheap → strong'],
	])('for %j reads %s', (parameters, expected) => {
		expect(canvasSubtitle(parameters)).toBe(expected);
	});
});
