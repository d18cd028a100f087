import type { INodeProperties } from 'n8n-workflow';

export const ruleProperties: INodeProperties[] = [
	// n8n's editor cannot number a fixedCollection's entries, nor show its hint: this notice says it.
	{
		displayName:
			'Rules are checked from the top, numbered 1, 2, 3… The output\'s `route` names the rule that matched, e.g. "rule 2: prompt over 2000 tokens". Items that match no rule get the Default Tier.',
		name: 'rulesNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { routing: ['rules'] } },
	},
	{
		displayName: 'Rules',
		name: 'rules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Rule',
		default: {},
		description:
			'Checked from the top for each item; the first that matches decides. Items no rule matches get the Default Tier.',
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
							{
								name: 'Has Attachment',
								value: 'hasAttachment',
								description:
									'The item sends an image or a file (Attachments, or parts in Messages)',
							},
							{ name: 'Prompt Contains a Keyword', value: 'promptContains' },
							{ name: 'Prompt Is Longer Than (Tokens)', value: 'promptTokensAbove' },
							{ name: 'Prompt Is Shorter Than (Tokens)', value: 'promptTokensBelow' },
							{ name: 'Prompt Matches a Regex', value: 'promptMatches' },
						],
						default: 'promptTokensAbove',
						description: 'What this rule looks at in the item',
					},
					{
						displayName: 'Field Name',
						name: 'field',
						type: 'string',
						default: '',
						placeholder: 'e.g. customer.plan',
						description: 'A field of the input item (dot notation for nested fields)',
						displayOptions: { show: { condition: ['fieldEquals'] } },
					},
					{
						displayName: 'Field Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. enterprise',
						description: "Matches when the field's value, as text, is exactly this",
						displayOptions: { show: { condition: ['fieldEquals'] } },
					},
					{
						displayName: 'Keywords',
						name: 'keywords',
						type: 'string',
						default: '',
						placeholder: 'e.g. refund, legal, contract',
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
						placeholder: 'e.g. \\b(prove|derive|analy[sz]e)\\b',
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
						description: 'What serves an item this rule matches',
					},
					{
						displayName: 'Target Model',
						name: 'model',
						type: 'string',
						default: '',
						placeholder: 'e.g. anthropic/claude-sonnet-4.5',
						description: 'The exact model ID that serves items this rule matches',
						displayOptions: { show: { target: ['model'] } },
					},
				],
			},
		],
	},
];
