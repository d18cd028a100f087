import type { INodeProperties } from 'n8n-workflow';

/** Everything optional lives here, sorted by display name as n8n's lint wants. */
export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 10,
			description:
				'How many items are sent at once. Output order always matches input order. Applies to the whole run: an expression is read for the first item only.',
		},
		{
			displayName: 'Cost Summary Item',
			name: 'costSummary',
			type: 'boolean',
			default: false,
			description:
				'Whether to add a last item with the total cost, tokens and calls per model, and the saving against sending every item to the priciest model in the chain. Applies to the whole run: an expression is read for the first item only.',
		},
		{
			displayName: 'Fallback Drill',
			name: 'fallbackDrill',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				'Treat the first N models of the chain as failed without calling them, to see the fallback path work. The output is marked as a drill.',
		},
		{
			displayName: 'Include Raw Response',
			name: 'includeRaw',
			type: 'boolean',
			default: false,
			description: "Whether to add the gateway's response body as `raw`",
		},
		{
			displayName: 'Item Deadline (Ms)',
			name: 'deadlineMs',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				'Give up on an item after this long, all attempts and waits included. 0 means no deadline.',
		},
		{
			displayName: 'JSON Schema',
			name: 'jsonSchema',
			type: 'json',
			default: '{\n  "type": "object",\n  "properties": {},\n  "additionalProperties": false\n}',
			description:
				'Used when Response Format is JSON Schema: the answer must match it. Checked before any request: an unresolved reference, a repeated schema URI or an unknown type fails the run.',
		},
		{
			displayName: 'Max Cost per Execution (USD)',
			name: 'maxCostPerExecutionUsd',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 4 },
			default: 1,
			description:
				'A call starts only while what this run spent, plus the worst case of the calls in flight and its own, fits; otherwise it waits for them, then fails with "budget reached". Applies to the whole run: an expression is read for the first item only.',
		},
		{
			displayName: 'Max Cost per Item (USD)',
			name: 'maxCostPerItemUsd',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 6 },
			default: 0.01,
			description:
				"What all of an item's calls may cost together (retries, fallbacks, cascade stages): a model is skipped when its worst case (published price × prompt and Max Tokens) no longer fits",
		},
		{
			displayName: 'Max Tokens',
			name: 'maxTokens',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1024,
			description: 'The most tokens the model may generate',
		},
		{
			displayName: 'Provider: Allow Fallbacks',
			name: 'providerAllowFallbacks',
			type: 'boolean',
			default: true,
			description:
				'Whether OpenRouter may use other providers of the same model when the first is unavailable',
		},
		{
			displayName: 'Provider: Data Collection',
			name: 'providerDataCollection',
			type: 'options',
			options: [
				{ name: 'Allow', value: 'allow' },
				{
					name: 'Deny',
					value: 'deny',
					description: 'Only providers that do not store or train on prompts',
				},
			],
			default: 'allow',
		},
		{
			displayName: 'Provider: Max Completion Price',
			name: 'providerMaxCompletionPrice',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 4 },
			default: 0,
			description:
				'USD per million completion tokens; providers above it are not used. 0 means no limit.',
		},
		{
			displayName: 'Provider: Max Prompt Price',
			name: 'providerMaxPromptPrice',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 4 },
			default: 0,
			description:
				'USD per million prompt tokens; providers above it are not used. 0 means no limit.',
		},
		{
			displayName: 'Provider: Order',
			name: 'providerOrder',
			type: 'string',
			default: '',
			placeholder: 'anthropic, openai',
			description: 'Provider slugs to try first, in order, separated by commas',
		},
		{
			displayName: 'Provider: Sort',
			name: 'providerSort',
			type: 'options',
			options: [
				{ name: 'Default (Balanced)', value: '' },
				{ name: 'Latency', value: 'latency' },
				{ name: 'Price', value: 'price' },
				{ name: 'Throughput', value: 'throughput' },
			],
			default: '',
		},
		{
			displayName: 'Provider: Zero Data Retention',
			name: 'providerZdr',
			type: 'boolean',
			default: false,
			description: 'Whether to use only providers with a zero data retention policy',
		},
		{
			displayName: 'Reasoning Effort',
			name: 'reasoningEffort',
			type: 'options',
			options: [
				{ name: 'Default', value: '' },
				{ name: 'High', value: 'high' },
				{ name: 'Low', value: 'low' },
				{ name: 'Medium', value: 'medium' },
				{ name: 'Minimal', value: 'minimal' },
			],
			default: '',
			description: 'For reasoning models: how much thinking to spend before answering',
		},
		{
			displayName: 'Response Format',
			name: 'responseFormat',
			type: 'options',
			options: [
				{ name: 'Text', value: 'text' },
				{
					name: 'JSON Object',
					value: 'json_object',
					description: 'The parsed answer is added to the output',
				},
				{
					name: 'JSON Schema',
					value: 'json_schema',
					description: 'The answer must match the JSON Schema option',
				},
			],
			default: 'text',
		},
		{
			displayName: 'Retries per Model',
			name: 'retries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 1,
			description:
				'Extra tries of the same model after a retryable failure (rate limit, server error, timeout), with backoff that honours Retry-After',
		},
		{
			displayName: 'Seed',
			name: 'seed',
			type: 'number',
			default: 0,
			description: 'For models that support it: the same seed and input give the same answer',
		},
		{
			displayName: 'Stop Sequences',
			name: 'stop',
			type: 'string',
			default: '',
			description: 'Stop generating at any of these, separated by commas',
		},
		{
			displayName: 'Temperature',
			name: 'temperature',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 2, numberPrecision: 2 },
			default: 0.7,
		},
		{
			displayName: 'Timeout per Attempt (Ms)',
			name: 'timeoutMs',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60000,
		},
		{
			displayName: 'Top P',
			name: 'topP',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
			default: 1,
		},
	],
};
