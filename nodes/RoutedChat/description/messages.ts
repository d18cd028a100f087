import type { INodeProperties } from 'n8n-workflow';

export const messageProperties: INodeProperties[] = [
	{
		displayName: 'Input',
		name: 'inputMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Prompt', value: 'prompt', description: 'A system message and a user prompt' },
			{
				name: 'Messages (JSON)',
				value: 'messages',
				description: 'A whole conversation as an array of {role, content}',
			},
		],
		default: 'prompt',
		description: 'How the conversation sent to the model is written',
	},
	{
		displayName: 'System Message',
		name: 'systemMessage',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. You are a concise assistant. Answer in French.',
		description: 'Instructions the model follows for every item (optional)',
		displayOptions: { show: { inputMode: ['prompt'] } },
	},
	{
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'e.g. Summarise this ticket: {{ $json.text }}',
		description: 'The user message; use an expression to build it from the item',
		displayOptions: { show: { inputMode: ['prompt'] } },
	},
	{
		displayName: 'Messages',
		name: 'messages',
		type: 'json',
		required: true,
		default:
			'[\n  { "role": "system", "content": "You are a concise assistant." },\n  { "role": "user", "content": "Hello" }\n]',
		description:
			'An array of {"role": "system" | "developer" | "user" | "assistant" | "tool", "content": "…"} in OpenAI\'s format: a user message\'s content may be an array of text, image_url and file parts; an assistant message may carry tool_calls (content null), a tool message the tool_call_id it answers',
		displayOptions: { show: { inputMode: ['messages'] } },
	},
	{
		displayName: 'Attachments',
		name: 'attachments',
		type: 'string',
		default: '',
		placeholder: 'e.g. data, invoice',
		description:
			'Binary properties of the item to send with the last user message, separated by commas: images (PNG, JPEG, WebP, GIF, up to 5 MB) and PDFs (up to 20 MB), 24 MB per item in all',
	},
];
