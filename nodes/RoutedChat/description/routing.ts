import type { INodeProperties } from 'n8n-workflow';

export const routingProperties: INodeProperties[] = [
	{
		displayName: 'Routing',
		name: 'routing',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Pinned Model',
				value: 'pinned',
				description: 'Always one exact model, so behaviour does not shift',
			},
			{
				name: 'Tier',
				value: 'tier',
				description: 'A cheap or a strong list of models, chosen per item',
			},
			{
				name: 'Rules',
				value: 'rules',
				description: 'The first matching rule picks a tier or a model for each item',
			},
			{
				name: 'Cascade',
				value: 'cascade',
				description:
					'Try the cheap tier; escalate to the strong tier only when its answer fails your checks',
			},
		],
		default: 'pinned',
	},
	{
		displayName: 'Model',
		name: 'model',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The exact model ID to pin',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchModels', searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'anthropic/claude-sonnet-4.5',
			},
		],
		displayOptions: { show: { routing: ['pinned'] } },
	},
	{
		displayName: 'Tier',
		name: 'tier',
		type: 'options',
		options: [
			{ name: 'Cheap', value: 'cheap' },
			{ name: 'Strong', value: 'strong' },
		],
		default: 'cheap',
		description:
			'Which list serves this item (with Rules: when no rule matches). Use an expression to decide per item, one that gives "strong" for hard items and "cheap" for the rest.',
		displayOptions: { show: { routing: ['tier', 'rules'] } },
	},
	{
		displayName: 'Cheap Models',
		name: 'cheapModels',
		type: 'string',
		default: 'openai/gpt-4o-mini, google/gemini-2.5-flash-lite',
		description:
			'Model IDs for routine work, in order of preference, separated by commas or new lines',
		displayOptions: { show: { routing: ['tier', 'rules', 'cascade'] } },
	},
	{
		displayName: 'Strong Models',
		name: 'strongModels',
		type: 'string',
		default: 'anthropic/claude-sonnet-4.5, openai/gpt-5',
		description:
			'Model IDs for hard work, in order of preference, separated by commas or new lines',
		displayOptions: { show: { routing: ['tier', 'rules', 'cascade'] } },
	},
];
