import type { ChatCompletion } from './chatClient';
import { parseJsonAnswer } from './parseJsonAnswer';
import type { ResponseFormat } from './types';

export type AnswerCheck =
	| { ok: true; json?: unknown }
	| { ok: false; error: string; kind?: 'empty_response' };

/** Whether an answer is usable as asked: JSON when the format says JSON, matching the schema when it gives one. */
export function checkAnswer(
	completion: ChatCompletion,
	format: ResponseFormat | undefined,
): AnswerCheck {
	// A turn that calls tools is not the answer yet; the format applies to the final one.
	if (completion.toolCalls?.length) return { ok: true };
	if (!completion.content) return emptyAnswer(completion);
	if (!format || format.type === 'text') return { ok: true };
	const parsed = parseJsonAnswer(completion.content);
	if (!parsed.ok || format.type === 'json_object')
		return parsed.ok ? { ok: true, json: parsed.value } : parsed;
	const errors = format.validate(parsed.value);
	return errors.length
		? { ok: false, error: `The answer does not match the JSON schema: ${errors.join('; ')}` }
		: { ok: true, json: parsed.value };
}

/** Only an answer cut at Max Tokens gets here empty: reasoning (or nothing) used every token. */
function emptyAnswer(completion: ChatCompletion): AnswerCheck {
	const reasoningTokens = completion.usage?.reasoningTokens;
	const spent = reasoningTokens ? ` (${reasoningTokens} of them on reasoning)` : '';
	return {
		ok: false,
		kind: 'empty_response',
		error: `Empty response: the model used all of Max Tokens${spent} before it answered. Raise Max Tokens, or lower Reasoning Effort / Reasoning Max Tokens`,
	};
}
