import type { ChatMessage, ChatRequest, CompletionOptions, ResponseFormat } from '../core';

/** The wire body of one chat completion request, OpenRouter's extra fields included. */
export function requestBody(request: ChatRequest): Record<string, unknown> {
	const { completion } = request;
	const body: Record<string, unknown> = {
		model: request.model,
		messages: request.messages.map(wireMessage),
		usage: { include: true },
	};
	if (request.models && request.models.length > 1) body.models = request.models;
	if (completion.temperature !== undefined) body.temperature = completion.temperature;
	if (completion.maxTokens !== undefined) body.max_tokens = completion.maxTokens;
	if (completion.topP !== undefined) body.top_p = completion.topP;
	if (completion.seed !== undefined) body.seed = completion.seed;
	if (completion.stop?.length) body.stop = completion.stop;
	if (completion.responseFormat && completion.responseFormat.type !== 'text') {
		body.response_format = wireResponseFormat(completion.responseFormat);
	}
	const reasoning = wireReasoning(completion);
	if (reasoning) body.reasoning = reasoning;
	if (completion.provider && Object.keys(completion.provider).length)
		body.provider = completion.provider;
	return body;
}

/** A message marked for prompt caching goes as a text part carrying `cache_control`, as OpenRouter passes it on. */
function wireMessage({ role, content, cache }: ChatMessage): Record<string, unknown> {
	if (!cache) return { role, content };
	const cacheControl = cache.ttl ? { type: 'ephemeral', ttl: cache.ttl } : { type: 'ephemeral' };
	return { role, content: [{ type: 'text', text: content, cache_control: cacheControl }] };
}

/** OpenRouter's `reasoning`: an effort or a token budget, and whether to leave the text out. */
function wireReasoning(completion: CompletionOptions): Record<string, unknown> | undefined {
	const reasoning: Record<string, unknown> = {};
	if (completion.reasoningEffort) reasoning.effort = completion.reasoningEffort;
	if (completion.reasoningMaxTokens !== undefined)
		reasoning.max_tokens = completion.reasoningMaxTokens;
	if (completion.excludeReasoning) reasoning.exclude = true;
	return Object.keys(reasoning).length ? reasoning : undefined;
}

function wireResponseFormat(format: Exclude<ResponseFormat, { type: 'text' }>) {
	if (format.type === 'json_object') return { type: 'json_object' };
	return {
		type: 'json_schema',
		json_schema: { name: format.name, schema: format.schema, strict: format.strict },
	};
}
