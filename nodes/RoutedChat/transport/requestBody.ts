import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';

import type { ChatRequest, CompletionOptions, ProviderPreferences, ResponseFormat } from '../core';
import { wireMessage, wireTools } from './toolWire';

/** OpenRouter's additions to the OpenAI request (https://openrouter.ai/docs/api-reference/overview). */
interface OpenRouterFields {
	models?: string[];
	usage?: { include: boolean };
	provider?: ProviderPreferences;
	reasoning?: { effort?: string; max_tokens?: number; exclude?: boolean };
}

/** The wire body of one chat completion, typed by the openai SDK (types only: nothing of it ships). */
export type ChatCompletionBody = ChatCompletionCreateParamsNonStreaming & OpenRouterFields;

/**
 * The body of one chat completion request. OpenRouter's own fields go only to
 * OpenRouter: a strict OpenAI-compatible server (LiteLLM, vLLM, Azure) answers
 * an unknown field with 400. Elsewhere reasoning effort is OpenAI's
 * `reasoning_effort`; provider preferences, a reasoning budget and cache marks are not sent.
 */
export function requestBody(request: ChatRequest, openRouter: boolean): ChatCompletionBody {
	const { completion } = request;
	const body: ChatCompletionBody = {
		model: request.model,
		messages: request.messages.map((message) => wireMessage(message, openRouter)),
		...wireTools(completion.tools, completion.toolChoice),
	};
	if (completion.temperature !== undefined) body.temperature = completion.temperature;
	if (completion.maxTokens !== undefined) body.max_tokens = completion.maxTokens;
	if (completion.topP !== undefined) body.top_p = completion.topP;
	if (completion.seed !== undefined) body.seed = completion.seed;
	if (completion.stop?.length) body.stop = completion.stop;
	if (completion.responseFormat && completion.responseFormat.type !== 'text') {
		body.response_format = wireResponseFormat(completion.responseFormat);
	}
	if (!openRouter) {
		if (completion.reasoningEffort) body.reasoning_effort = completion.reasoningEffort;
		return body;
	}
	body.usage = { include: true };
	if (request.models && request.models.length > 1) body.models = request.models;
	const reasoning = wireReasoning(completion);
	if (reasoning) body.reasoning = reasoning;
	if (completion.provider && Object.keys(completion.provider).length)
		body.provider = completion.provider;
	return body;
}

/** OpenRouter's `reasoning`: an effort or a token budget, and whether to leave the text out. */
function wireReasoning(completion: CompletionOptions): OpenRouterFields['reasoning'] {
	const reasoning: NonNullable<OpenRouterFields['reasoning']> = {};
	if (completion.reasoningEffort) reasoning.effort = completion.reasoningEffort;
	if (completion.reasoningMaxTokens !== undefined)
		reasoning.max_tokens = completion.reasoningMaxTokens;
	if (completion.excludeReasoning) reasoning.exclude = true;
	return Object.keys(reasoning).length ? reasoning : undefined;
}

function wireResponseFormat(
	format: Exclude<ResponseFormat, { type: 'text' }>,
): NonNullable<ChatCompletionBody['response_format']> {
	if (format.type === 'json_object') return { type: 'json_object' };
	return {
		type: 'json_schema',
		json_schema: { name: format.name, schema: format.schema, strict: format.strict },
	};
}
