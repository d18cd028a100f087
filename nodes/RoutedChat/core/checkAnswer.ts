import type { ChatCompletion } from './chatClient';
import { parseJsonAnswer } from './parseJsonAnswer';
import type { ResponseFormat } from './types';

export type AnswerCheck = { ok: true; json?: unknown } | { ok: false; error: string };

/** Whether an answer is usable as asked: JSON when the response format says JSON. */
export function checkAnswer(completion: ChatCompletion, format: ResponseFormat | undefined): AnswerCheck {
	if (!format || format.type === 'text') return { ok: true };
	const parsed = parseJsonAnswer(completion.content);
	return parsed.ok ? { ok: true, json: parsed.value } : parsed;
}
