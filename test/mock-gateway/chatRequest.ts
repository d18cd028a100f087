import { mediaPartsProblem } from './mediaParts';
import { toolMessageProblem } from './toolTurn';
import type { ChatRequestBody } from './types';

export type ParsedChatRequest = { body: ChatRequestBody; chain: string[] } | { problem: string };

/** Validates a chat body and derives the gateway's fallback chain: `models`, else `[model]`. */
export function parseChatRequest(body: unknown): ParsedChatRequest {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		return { problem: 'Request body must be a JSON object' };
	}
	const request = body as Partial<ChatRequestBody>;
	if (!Array.isArray(request.messages) || request.messages.length === 0) {
		return { problem: 'messages must be a non-empty array' };
	}
	const chain = request.models ?? (request.model === undefined ? [] : [request.model]);
	if (
		!Array.isArray(chain) ||
		chain.length === 0 ||
		!chain.every((id) => typeof id === 'string' && id !== '')
	) {
		return { problem: 'model (a string) or models (a non-empty array of strings) is required' };
	}
	const toolProblem = toolMessageProblem(request.messages as ChatRequestBody['messages']);
	if (toolProblem) return { problem: toolProblem };
	const mediaProblem = mediaPartsProblem(request.messages as ChatRequestBody['messages']);
	if (mediaProblem) return { problem: mediaProblem };
	return { body: request as ChatRequestBody, chain };
}
