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
