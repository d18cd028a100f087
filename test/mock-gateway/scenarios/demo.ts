import type { MockModel } from '../types';
import { answersTickets } from './answersTickets';
import { cheapRepair, cheapTriage, strongTriage } from './ticketTriage';

/**
 * A realistic catalogue: a cheap and a strong tier, a pinned model that is down and a fallback,
 * a tool-calling model for the AI Agent example, and for the tool round trip example
 * (examples/routed-chat-tool-round-trip.json) one model that garbles its tool call and one that makes it;
 * Mistral Small takes images as well, gpt-4o-mini images and PDFs.
 * Prices are OpenRouter's list prices (USD per token) at the time of writing.
 * Asked for JSON, gpt-4o-mini and the strong models triage support tickets
 * (examples/support-ticket-cascade.json); gpt-4o-mini gets 5 of its 20 wrong. Claude counts
 * tokens with its own tokenizer (3.5 characters a token against the others' 4).
 */
export const demoModels: MockModel[] = [
	{
		id: 'meta-llama/llama-3.1-8b-instruct',
		name: 'Meta: Llama 3.1 8B Instruct',
		pricing: { prompt: '0.00000002', completion: '0.00000003' },
		contextLength: 131_072,
		provider: 'DeepInfra',
		latencyMs: 30,
	},
	{
		id: 'mistralai/mistral-small-3.2',
		name: 'Mistral: Mistral Small 3.2',
		pricing: { prompt: '0.00000005', completion: '0.0000001' },
		contextLength: 131_072,
		provider: 'Mistral',
		latencyMs: 40,
		inputModalities: ['text', 'image'],
	},
	answersTickets(
		{
			id: 'openai/gpt-4o-mini',
			name: 'OpenAI: GPT-4o-mini',
			pricing: { prompt: '0.00000015', completion: '0.0000006' },
			contextLength: 128_000,
			provider: 'OpenAI',
			latencyMs: 35,
			inputModalities: ['text', 'image', 'file'],
		},
		{ first: (ticket) => cheapTriage(ticket).content, repair: cheapRepair },
	),
	answersTickets(
		{
			id: 'anthropic/claude-sonnet-4.5',
			name: 'Anthropic: Claude Sonnet 4.5',
			pricing: { prompt: '0.000003', completion: '0.000015' },
			contextLength: 1_000_000,
			provider: 'Anthropic',
			latencyMs: 80,
			// Anthropic's tokenizer counts the same English text as more tokens than OpenAI's.
			charsPerToken: 3.5,
		},
		{ first: strongTriage },
	),
	answersTickets(
		{
			id: 'openai/gpt-5',
			name: 'OpenAI: GPT-5',
			pricing: { prompt: '0.00000125', completion: '0.00001' },
			contextLength: 400_000,
			provider: 'OpenAI',
			latencyMs: 70,
			reasoningTokens: 64,
		},
		{ first: strongTriage },
	),
	{
		id: 'openai/gpt-4o-2024-08-06',
		name: 'OpenAI: GPT-4o (2024-08-06)',
		pricing: { prompt: '0.0000025', completion: '0.00001' },
		contextLength: 128_000,
		provider: 'OpenAI',
		latencyMs: 30,
		down: { status: 503, message: 'No endpoints available for openai/gpt-4o-2024-08-06' },
	},
	{
		id: 'openai/gpt-4.1-mini',
		name: 'OpenAI: GPT-4.1 Mini',
		pricing: { prompt: '0.0000004', completion: '0.0000016' },
		contextLength: 1_047_576,
		provider: 'OpenAI',
		latencyMs: 30,
		// The AI Agent example's model: rate-limited once, then it calls the calculator and answers from its result.
		faults: [{ status: 429, retryAfter: '1', message: 'Rate limit exceeded: openai/gpt-4.1-mini' }],
		toolUse: { name: 'Calculator', arguments: '{"input":"17*23"}' },
	},
	{
		id: 'qwen/qwen3-235b-a22b',
		name: 'Qwen: Qwen3 235B A22B',
		pricing: { prompt: '0.00000013', completion: '0.0000006' },
		contextLength: 40_960,
		provider: 'DeepInfra',
		latencyMs: 40,
		// Its tool call is cut off mid-arguments: invalid_output, and the chain falls over.
		toolUse: { name: 'multiply', arguments: '{"a": 17, "b": 2' },
	},
	{
		id: 'openai/gpt-4.1-nano',
		name: 'OpenAI: GPT-4.1 Nano',
		pricing: { prompt: '0.0000001', completion: '0.0000004' },
		contextLength: 1_047_576,
		provider: 'OpenAI',
		latencyMs: 25,
		toolUse: { name: 'multiply', arguments: '{"a":17,"b":23}' },
	},
	{
		id: 'google/gemini-2.5-flash',
		name: 'Google: Gemini 2.5 Flash',
		pricing: { prompt: '0.0000003', completion: '0.0000025' },
		contextLength: 1_048_576,
		provider: 'Google AI Studio',
		latencyMs: 50,
	},
];
