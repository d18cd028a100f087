import { contentText } from './messageText';
import type { MockModel, RecordedChatRequest } from './types';

export function replyContent(model: MockModel, request: RecordedChatRequest): string {
	if (typeof model.reply === 'function') return model.reply(request);
	if (model.reply !== undefined) return model.reply;
	const last = request.body.messages.at(-1);
	if (last?.role === 'tool')
		return `${model.id} answered from the tool result: ${contentText(last.content)}`;
	const lastUserMessage = [...request.body.messages]
		.reverse()
		.find((message) => message.role === 'user');
	return `${model.id} answered: ${contentText(lastUserMessage?.content).slice(0, 60)}`;
}
