import type { INodeProperties } from 'n8n-workflow';

export const fallbackProperties: INodeProperties[] = [
	{
		displayName: 'Fallback Models',
		name: 'fallbackModels',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. google/gemini-2.5-flash, openai/gpt-4o-mini',
		description:
			'Models to try, in order, when the chosen ones are down, rate-limited or give no usable answer; one per line or separated by commas. Leave empty for no fallback.',
	},
	{
		displayName: 'Fallback Mode',
		name: 'fallbackMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Gateway and Client',
				value: 'both',
				description:
					'OpenRouter fails over within a request; if the request still fails, this node tries the next model',
			},
			{
				name: 'Gateway',
				value: 'gateway',
				description:
					"One request with OpenRouter's models list; OpenRouter picks the first that works",
			},
			{
				name: 'Client',
				value: 'client',
				description:
					'This node tries each model in turn and records every attempt (works with any OpenAI-compatible endpoint)',
			},
		],
		default: 'both',
		description: 'Who moves on to the next model when one fails: OpenRouter, this node, or both',
	},
];
