import { contentText } from '../messageText';
import { replyContent } from '../reply';
import type { MockModel, RecordedChatRequest } from '../types';

export interface TicketAnswers {
	first: (ticket: string) => string;
	/** When the conversation already holds the model's rejected answer and a note on what was wrong. */
	repair?: (ticket: string) => string;
}

/**
 * The model, answering requests that ask for JSON (a response format) as a ticket
 * triage of the first user message, and every other request as it did before.
 */
export function answersTickets(model: MockModel, answers: TicketAnswers): MockModel {
	const asItWas: MockModel = { ...model, reply: undefined };
	return {
		...model,
		reply: (request) => {
			if (!asksForJson(request)) return replyContent(asItWas, request);
			const { messages } = request.body;
			const ticket = contentText(messages.find((message) => message.role === 'user')?.content);
			const repairing = messages.some((message) => message.role === 'assistant');
			return repairing && answers.repair ? answers.repair(ticket) : answers.first(ticket);
		},
	};
}

function asksForJson(request: RecordedChatRequest): boolean {
	const type = request.body.response_format?.type;
	return type === 'json_schema' || type === 'json_object';
}
