import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_CONFIDENCE_FIELD, DEFAULT_MIN_CONFIDENCE } from '../plan/readCascadeChecks';

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
		description: 'What a cheap answer must pass to be kept; each check you add can escalate it',
		displayOptions: { show: { routing: ['cascade'] } },
		options: [
			{
				displayName: 'Confidence Field',
				name: 'confidenceField',
				type: 'string',
				default: DEFAULT_CONFIDENCE_FIELD,
				placeholder: 'e.g. confidence or meta.confidence',
				description:
					'Escalates when the number from 0 to 1 the model reports in this field of its JSON answer is below Min Confidence (0.70 unless you add it). Ask for the field in the prompt; dot notation for nested fields.',
			},
			{
				displayName: 'Min Confidence',
				name: 'minConfidence',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				default: DEFAULT_MIN_CONFIDENCE,
				description:
					'Escalates when the self-reported confidence in the JSON answer is below this. Read from the field "confidence" unless you add Confidence Field.',
			},
			{
				displayName: 'Min Length',
				name: 'minLength',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 1,
				description: 'Escalates when the answer has fewer characters than this',
			},
			{
				displayName: 'Must Match Regex',
				name: 'mustMatch',
				type: 'string',
				default: '',
				placeholder: 'e.g. ^(yes|no)\\b',
				description:
					'Escalates when the answer does not match this regular expression (case-insensitive, on its first 100,000 characters)',
			},
			{
				displayName: 'Must Not Match Regex',
				name: 'mustNotMatch',
				type: 'string',
				default: '',
				placeholder: "e.g. I (cannot|can't|am unable)",
				description:
					'Escalates when the answer matches this regular expression (case-insensitive, on its first 100,000 characters)',
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
