import type { ChatMessage } from './types';

/** The text of a message's content: a string, or the text parts of a content-part array. */
export function contentText(content: ChatMessage['content']): string {
	if (typeof content === 'string') return content;
	if (!Array.isArray(content)) return '';
	return content
		.map((part: { type?: unknown; text?: unknown }) =>
			part?.type === 'text' && typeof part.text === 'string' ? part.text : '',
		)
		.join('');
}

/** An assistant message's `tool_calls` as the prompt carries them; '' for any other message. */
export function toolCallsText(message: ChatMessage): string {
	return Array.isArray(message.tool_calls) && message.tool_calls.length
		? JSON.stringify(message.tool_calls)
		: '';
}
