import type { ChatRequest, ResponseFormat } from '../core';
import { wireMessage, wireTools } from './toolWire';

/** The wire body of one chat completion request, OpenRouter's extra fields included. */
export function requestBody(request: ChatRequest): Record<string, unknown> {
	const { completion } = request;
	const body: Record<string, unknown> = {
		model: request.model,
		messages: request.messages.map(wireMessage),
		usage: { include: true },
		...wireTools(completion.tools, completion.toolChoice),
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
	if (completion.reasoningEffort) body.reasoning = { effort: completion.reasoningEffort };
	if (completion.provider && Object.keys(completion.provider).length)
		body.provider = completion.provider;
	return body;
}

function wireResponseFormat(format: Exclude<ResponseFormat, { type: 'text' }>) {
	if (format.type === 'json_object') return { type: 'json_object' };
	return {
		type: 'json_schema',
		json_schema: { name: format.name, schema: format.schema, strict: format.strict },
	};
}
