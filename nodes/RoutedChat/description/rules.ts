import type { INodeProperties } from 'n8n-workflow';

export const ruleProperties: INodeProperties[] = [
	{
		displayName: 'Rules',
		name: 'rules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Rule',
		default: {},
		description:
			'Checked in order for each item; the first that matches decides. The output field `route` says which.',
		displayOptions: { show: { routing: ['rules'] } },
		options: [
			{
				displayName: 'Rule',
				name: 'rule',
				values: [
					{
						displayName: 'Condition',
						name: 'condition',
						type: 'options',
						options: [
							{ name: 'Field Equals', value: 'fieldEquals' },
							{ name: 'Prompt Contains a Keyword', value: 'promptContains' },
							{ name: 'Prompt Is Longer Than (Tokens)', value: 'promptTokensAbove' },
							{ name: 'Prompt Is Shorter Than (Tokens)', value: 'promptTokensBelow' },
							{ name: 'Prompt Matches a Regex', value: 'promptMatches' },
						],
						default: 'promptTokensAbove',
					},
					{
						displayName: 'Field Name',
						name: 'field',
						type: 'string',
						default: '',
						placeholder: 'customer.plan',
						description: 'A field of the input item (dot notation for nested fields)',
						displayOptions: { show: { condition: ['fieldEquals'] } },
					},
					{
						displayName: 'Field Value',
						name: 'value',
						type: 'string',
						default: '',
						displayOptions: { show: { condition: ['fieldEquals'] } },
					},
					{
						displayName: 'Keywords',
						name: 'keywords',
						type: 'string',
						default: '',
						placeholder: 'refund, legal, contract',
						description: 'Separated by commas; matched case-insensitively',
						displayOptions: { show: { condition: ['promptContains'] } },
					},
					{
						displayName: 'Prompt Tokens',
						name: 'tokens',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 2000,
						description: 'Estimated at about four characters a token',
						displayOptions: { show: { condition: ['promptTokensAbove', 'promptTokensBelow'] } },
					},
					{
						displayName: 'Regex',
						name: 'pattern',
						type: 'string',
						default: '',
						placeholder: '\\b(prove|derive|analy[sz]e)\\b',
						description:
							'Matched case-insensitively against the first 100,000 characters of the prompt',
						displayOptions: { show: { condition: ['promptMatches'] } },
					},
					{
						displayName: 'Route To',
						name: 'target',
						type: 'options',
						options: [
							{ name: 'Cheap Tier', value: 'cheap' },
							{ name: 'Strong Tier', value: 'strong' },
							{ name: 'A Pinned Model', value: 'model' },
						],
						default: 'strong',
					},
					{
						displayName: 'Target Model',
						name: 'model',
						type: 'string',
						default: '',
						placeholder: 'anthropic/claude-sonnet-4.5',
						displayOptions: { show: { target: ['model'] } },
					},
				],
			},
		],
	},
];
