import type { INodeProperties } from 'n8n-workflow';

/** Everything optional lives here, sorted by display name as n8n's lint wants. */
export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	description: 'Budgets, retries, response format, sampling and OpenRouter provider preferences',
	options: [
		{
			displayName: 'Cache Control',
			name: 'cacheControl',
			type: 'options',
			options: [
				{ name: 'Off', value: '' },
				{
					name: 'System Message',
					value: 'system',
					description: 'Cache the prompt up to and including the system message',
				},
				{
					name: 'Message at Index',
					value: 'message',
					description: 'Cache the prompt up to and including the message at Cache Message Index',
				},
			],
			default: '',
			description:
				"Prompt caching: marks a message with cache_control, as OpenRouter passes it to providers that support it (Anthropic, Gemini). Repeats of the same prefix are then read from the provider's cache at a lower price.",
		},
		{
			displayName: 'Cache Message Index',
			name: 'cacheMessageIndex',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 0,
			description: 'With Cache Control on Message at Index: the message to mark, 0 for the first',
		},
		{
			displayName: 'Cache TTL',
			name: 'cacheTtl',
			type: 'options',
			options: [
				{ name: '5 Minutes', value: '5m' },
				{ name: '1 Hour', value: '1h' },
			],
			default: '5m',
			description: 'How long the provider keeps the cached prefix (1 hour costs more to write)',
		},
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
			displayName: 'Exclude Reasoning',
			name: 'excludeReasoning',
			type: 'boolean',
			default: false,
			description:
				'Whether to leave the reasoning text out of the answer. The model still reasons, and its reasoning tokens are still paid for.',
		},
		{
			displayName: 'Fallback Drill: Models to Fail',
			name: 'fallbackDrill',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				'How many models at the start of the chain to treat as failed without calling them, to watch the fallbacks serve, e.g. 1 skips the first model. 0 turns the drill off. The output is marked as a drill.',
		},
		{
			displayName: 'Generation Stats',
			name: 'generationStats',
			type: 'boolean',
			default: false,
			description:
				"Whether to read each answer's stats from OpenRouter (GET /generation) after it arrives: the cost as billed (cost.source 'generation'), the cache discount and the provider's own token counts. One extra request per answer, retried briefly while the stats lag; a missing figure never fails the item.",
		},
		{
			displayName: 'Include Raw Response',
			name: 'includeRaw',
			type: 'boolean',
			default: false,
			description: "Whether to add the gateway's response body as `raw`",
		},
		{
			displayName: 'Item Deadline (Milliseconds)',
			name: 'deadlineMs',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				'Give up on an item after this many milliseconds, all attempts and waits included, e.g. 120000 for two minutes. 0 means no deadline.',
		},
		{
			displayName: 'JSON Schema',
			name: 'jsonSchema',
			type: 'json',
			default: '{\n  "type": "object",\n  "properties": {},\n  "additionalProperties": false\n}',
			description:
				'The schema the answer must match. Applies when Response Format is JSON Schema (add that option first). Checked before any request: an unresolved reference, a repeated schema URI or an unknown type fails the run.',
			displayOptions: { show: { responseFormat: ['json_schema'] } },
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
			default: 4096,
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
			description: 'OpenRouter only: whether providers that may store or train on prompts are used',
			options: [
				{ name: 'Allow', value: 'allow', description: 'Any provider of the model' },
				{
					name: 'Deny',
					value: 'deny',
					description: 'Only providers that do not store or train on prompts',
				},
			],
			default: 'allow',
		},
		{
			displayName: 'Provider: Ignore',
			name: 'providerIgnore',
			type: 'string',
			default: '',
			placeholder: 'e.g. DeepInfra, Together',
			description: 'Providers OpenRouter must not use, separated by commas',
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
			displayName: 'Provider: Only',
			name: 'providerOnly',
			type: 'string',
			default: '',
			placeholder: 'e.g. Anthropic, Google Vertex',
			description: 'The only providers OpenRouter may use, separated by commas',
		},
		{
			displayName: 'Provider: Order',
			name: 'providerOrder',
			type: 'string',
			default: '',
			placeholder: 'e.g. anthropic, openai',
			description: 'OpenRouter only: provider slugs to try first, in order, separated by commas',
		},
		{
			displayName: 'Provider: Quantizations',
			name: 'providerQuantizations',
			type: 'multiOptions',
			options: [
				{ name: 'BF16', value: 'bf16' },
				{ name: 'FP16', value: 'fp16' },
				{ name: 'FP32', value: 'fp32' },
				{ name: 'FP4', value: 'fp4' },
				{ name: 'FP6', value: 'fp6' },
				{ name: 'FP8', value: 'fp8' },
				{ name: 'INT4', value: 'int4' },
				{ name: 'INT8', value: 'int8' },
				{ name: 'Unknown', value: 'unknown' },
			],
			default: [],
			description: 'Use only providers serving the model at one of these precisions',
		},
		{
			displayName: 'Provider: Require Parameters',
			name: 'providerRequireParameters',
			type: 'boolean',
			default: false,
			description:
				'Whether to use only providers that support every parameter of the request (e.g. JSON Schema, reasoning)',
		},
		{
			displayName: 'Provider: Sort',
			name: 'providerSort',
			type: 'options',
			description: 'OpenRouter only: how the providers of a model are ordered',
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
			displayName: 'Reasoning Max Tokens',
			name: 'reasoningMaxTokens',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 1024,
			description:
				'For reasoning models: a token budget for thinking, instead of Reasoning Effort. Must be less than Max Tokens, which counts the reasoning too.',
		},
		{
			displayName: 'Response Format',
			name: 'responseFormat',
			type: 'options',
			description: 'Plain text, or JSON that the node also returns parsed, ready for the next node',
			options: [
				{ name: 'Text', value: 'text', description: 'The answer as the model writes it' },
				{
					name: 'JSON Object',
					value: 'json_object',
					description: 'The parsed answer is added to the output',
				},
				{
					name: 'JSON Schema',
					value: 'json_schema',
					description:
						'The answer must match the JSON Schema option, which appears once this is chosen',
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
			placeholder: 'e.g. ###, END',
			description: 'Stop generating at any of these, separated by commas',
		},
		{
			displayName: 'Stream Response',
			name: 'streamResponse',
			type: 'boolean',
			default: true,
			description:
				"Whether each item's answer is sent as it arrives, when the workflow runs in streaming mode (a Chat Trigger or a Webhook set to respond with Streaming); otherwise it changes nothing. Cascade routing, a JSON Response Format and Tools (JSON) need the whole answer, so they do not stream. Applies to the whole run: an expression is read for the first item only.",
		},
		{
			displayName: 'Temperature',
			name: 'temperature',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 2, numberPrecision: 2 },
			default: 0.7,
			description:
				'How varied the answer is: 0 gives nearly the same answer every time, higher values more variety (e.g. 0.2 to extract data, 1 to brainstorm)',
		},
		{
			displayName: 'Timeout per Attempt (Milliseconds)',
			name: 'timeoutMs',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60000,
			description:
				'How many milliseconds one request may take before it counts as timed out and is retried or falls back, e.g. 60000 for one minute',
		},
		{
			displayName: 'Tool Choice',
			name: 'toolChoice',
			type: 'options',
			options: [
				{
					name: 'Auto',
					value: 'auto',
					description: 'The model answers or calls tools, as it sees fit',
				},
				{
					name: 'Function (Tool Name)',
					value: 'function',
					description: 'The model must call the function named in Tool Name',
				},
				{
					name: 'None',
					value: 'none',
					description: 'The model must answer without calling a tool',
				},
				{
					name: 'Required',
					value: 'required',
					description: 'The model must call at least one tool',
				},
			],
			default: 'auto',
			description: 'With Tools (JSON): whether the model may, must or must not call a tool',
		},
		{
			displayName: 'Tool Name',
			name: 'toolChoiceName',
			type: 'string',
			default: '',
			placeholder: 'e.g. get_weather',
			description: 'The function of Tools (JSON) the model must call',
			displayOptions: { show: { toolChoice: ['function'] } },
		},
		{
			displayName: 'Tools (JSON)',
			name: 'toolsJson',
			type: 'json',
			default:
				'[\n  {\n    "type": "function",\n    "function": {\n      "name": "get_weather",\n      "description": "The current weather in a city",\n      "parameters": {\n        "type": "object",\n        "properties": { "city": { "type": "string" } },\n        "required": ["city"]\n      }\n    }\n  }\n]',
			description:
				"Functions the model may call, as OpenAI's tools array. The output's toolCalls lists the calls it made, arguments parsed; run them, then send the results back in Messages mode as tool messages. An answer that calls a function not offered, or whose arguments are not a JSON object, falls over to the next model.",
		},
		{
			displayName: 'Top P',
			name: 'topP',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
			default: 1,
			description:
				'Nucleus sampling: the model picks only among the likeliest words whose probabilities add up to this (1 = all). Change this or Temperature, not both.',
		},
	],
};
