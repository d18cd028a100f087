/**
 * What a strict OpenAI-compatible server (a LiteLLM proxy, vLLM, Azure) does
 * differently from OpenRouter: it answers a request field it does not know
 * with 400, has no GET /key, and wants the key for GET /models.
 */

/** The request fields of OpenAI's Create chat completion (https://platform.openai.com/docs/api-reference/chat/create). */
const OPENAI_CHAT_FIELDS = new Set([
	'model',
	'messages',
	'audio',
	'frequency_penalty',
	'logit_bias',
	'logprobs',
	'max_completion_tokens',
	'max_tokens',
	'metadata',
	'modalities',
	'n',
	'parallel_tool_calls',
	'prediction',
	'presence_penalty',
	'reasoning_effort',
	'response_format',
	'seed',
	'service_tier',
	'stop',
	'store',
	'stream',
	'stream_options',
	'temperature',
	'tool_choice',
	'tools',
	'top_logprobs',
	'top_p',
	'user',
	'verbosity',
	'web_search_options',
]);

/** The error a strict server answers an unknown field with, or undefined when every field is OpenAI's. */
export function unknownFieldsProblem(body: unknown): string | undefined {
	if (typeof body !== 'object' || body === null) return undefined;
	const unknown = Object.keys(body).filter((field) => !OPENAI_CHAT_FIELDS.has(field));
	return unknown.length
		? `Unrecognized request argument supplied: ${unknown.join(', ')}`
		: undefined;
}

/** Routes OpenRouter has and a strict OpenAI-compatible server does not. */
export const OPENROUTER_ONLY_ROUTES = new Set(['GET /key', 'GET /generation']);
