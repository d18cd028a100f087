import type { ChatMessage, ToolDefinition } from './types';

/** A rough token count (about four characters a token), for budgets and routing rules before a call. */
export function estimateTokens(text: string): number {
	return Math.ceil(text.length / 4);
}

/**
 * The prompt's tokens: every message's text and tool calls, and the offered tools, which go with
 * the prompt and are billed as prompt tokens (counted as they are sent, in OpenAI's format).
 */
export function estimatePromptTokens(
	messages: readonly ChatMessage[],
	tools: readonly ToolDefinition[] = [],
): number {
	const text = messages.reduce(
		(sum, message) =>
			sum +
			estimateTokens(message.content) +
			(message.toolCalls?.length ? estimateTokens(JSON.stringify(message.toolCalls)) : 0),
		0,
	);
	return tools.length
		? text +
				estimateTokens(JSON.stringify(tools.map((tool) => ({ type: 'function', function: tool }))))
		: text;
}
