import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

const TIERS: INodePropertyOptions[] = [
	{ name: 'Cheap', value: 'cheap', description: 'The Cheap Models list' },
	{ name: 'Strong', value: 'strong', description: 'The Strong Models list' },
];

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
		description:
			"How each item's model is chosen. Switching resets the fields of the other modes to their defaults.",
	},
	{
		displayName: 'Model',
		name: 'model',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description:
			'The one model every item goes to, pinned by its exact ID (e.g. anthropic/claude-sonnet-4.5). Pick it From List to see prices.',
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
		options: TIERS,
		default: 'cheap',
		description:
			'Which list serves the item. To decide per item, switch to Expression and give "strong" or "cheap", e.g. "strong" when the text is longer than 2000 characters and "cheap" otherwise.',
		displayOptions: { show: { routing: ['tier'] } },
	},
	// The same parameter as above: in Rules mode it is what an item gets when no rule matches.
	{
		displayName: 'Default Tier',
		name: 'tier',
		type: 'options',
		options: TIERS,
		default: 'cheap',
		hint: 'Used for items that match no rule',
		description:
			'The list that serves an item no rule matches. An expression giving "strong" or "cheap" decides per item.',
		displayOptions: { show: { routing: ['rules'] } },
	},
	{
		displayName: 'Cheap Models',
		name: 'cheapModels',
		type: 'string',
		typeOptions: { rows: 3 },
		default: 'openai/gpt-4o-mini, google/gemini-2.5-flash-lite',
		placeholder: 'e.g. openai/gpt-4o-mini, google/gemini-2.5-flash-lite',
		description:
			'Model IDs for routine work, tried in order of preference; one per line or separated by commas',
		displayOptions: { show: { routing: ['tier', 'rules', 'cascade'] } },
	},
	{
		displayName: 'Strong Models',
		name: 'strongModels',
		type: 'string',
		typeOptions: { rows: 3 },
		default: 'anthropic/claude-sonnet-4.5, openai/gpt-5',
		placeholder: 'e.g. anthropic/claude-sonnet-4.5, openai/gpt-5',
		description:
			'Model IDs for hard work, tried in order of preference; one per line or separated by commas',
		displayOptions: { show: { routing: ['tier', 'rules', 'cascade'] } },
	},
];
