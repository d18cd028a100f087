import type { ChatMessage } from './types';

/** A rough token count (about four characters a token), for budgets and routing rules before a call. */
export function estimateTokens(text: string): number {
	return Math.ceil(text.length / 4);
}

export function estimatePromptTokens(messages: readonly ChatMessage[]): number {
	return messages.reduce((sum, message) => sum + estimateTokens(message.content), 0);
}
