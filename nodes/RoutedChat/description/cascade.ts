import type { INodeProperties } from 'n8n-workflow';

export const cascadeProperties: INodeProperties[] = [
	{
		displayName:
			'The cheap answer is accepted only if it passes every check below (and, with Response Format JSON Schema in Options, matches the schema); otherwise the strong tier answers',
		name: 'cascadeNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { routing: ['cascade'] } },
	},
	{
		displayName: 'Checks',
		name: 'cascadeChecks',
		type: 'collection',
		placeholder: 'Add Check',
		default: { notTruncated: true },
		displayOptions: { show: { routing: ['cascade'] } },
		options: [
			{
				displayName: 'Confidence Field',
				name: 'confidenceField',
				type: 'string',
				default: 'confidence',
				description:
					'A number from 0 to 1 the model reports in its JSON answer (dot notation for nested fields)',
			},
			{
				displayName: 'Min Confidence',
				name: 'minConfidence',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				default: 0.7,
				description: 'Used with Confidence Field: a lower self-reported confidence escalates',
			},
			{
				displayName: 'Min Length',
				name: 'minLength',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 1,
				description: 'Fewest characters an acceptable answer has',
			},
			{
				displayName: 'Must Match Regex',
				name: 'mustMatch',
				type: 'string',
				default: '',
				description:
					'Matched case-insensitively against the first 100,000 characters of the answer',
			},
			{
				displayName: 'Must Not Match Regex',
				name: 'mustNotMatch',
				type: 'string',
				default: '',
				placeholder: "I (cannot|can't|am unable)",
				description:
					'Matched case-insensitively against the first 100,000 characters of the answer',
			},
			{
				displayName: 'Not Cut Off',
				name: 'notTruncated',
				type: 'boolean',
				default: true,
				description: 'Whether an answer the model stopped at the token limit escalates',
			},
			{
				displayName: 'Repair Before Escalating',
				name: 'repair',
				type: 'boolean',
				default: false,
				description:
					'Whether to ask the same cheap model once more, with what was wrong, before paying for the strong tier',
			},
		],
	},
];
