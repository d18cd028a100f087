import type { ChatCompletion } from './chatClient';
import { parseJsonAnswer } from './parseJsonAnswer';
import { attempt } from './settle';
import type { AnsweredToolCall, CompletionOptions, ToolCall, ToolDefinition } from './types';

export type AnswerCheck =
	| { ok: true; json?: unknown; toolCalls?: AnsweredToolCall[] }
	| {
			ok: false;
			error: string;
			/** Set when the answer failed as a call does, not as an answer the model could repair. */
			kind?: 'empty_response' | 'upstream_error';
			/** False when asking the same model again with the problem cannot fix it in a cascade repair. */
			repairable?: false;
			/** False when the same request would fail the same way again (cut at the same Max Tokens). */
			sameAgain?: false;
	  };

/**
 * Whether an answer is usable as asked: finished without an error and not a refusal; JSON when the
 * format says JSON, matching the schema when it gives one; a call only to a tool offered, with a
 * JSON object as its arguments.
 */
export function checkAnswer(
	completion: ChatCompletion,
	{ responseFormat: format, tools = [] }: Pick<CompletionOptions, 'responseFormat' | 'tools'>,
): AnswerCheck {
	if (completion.finishReason === 'error')
		return {
			ok: false,
			kind: 'upstream_error',
			error: completion.finishError ?? 'The answer finished with an error',
		};
	// A turn that calls tools is not the answer yet; the format applies to the final one.
	if (completion.toolCalls?.length) return checkToolCalls(completion.toolCalls, tools);
	if (completion.refusal && !completion.content)
		return {
			ok: false,
			error: `The model refused to answer: ${completion.refusal}`,
			repairable: false,
		};
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

/**
 * The caller runs each call's function with its arguments: the function must be one offered and
 * the arguments a JSON object. Blank arguments are a call without any (some providers send "" for
 * a function that takes none).
 */
function checkToolCalls(calls: ToolCall[], tools: readonly ToolDefinition[]): AnswerCheck {
	const answered: AnsweredToolCall[] = [];
	const refused = (error: string): AnswerCheck => ({ ok: false, error, repairable: false });
	for (const call of calls) {
		const what = `tool call ${call.id} (${call.name})`;
		if (!tools.some((tool) => tool.name === call.name))
			return refused(
				tools.length
					? `Tool call ${call.id} calls ${call.name}, which is not one of the tools offered (${tools.map((tool) => tool.name).join(', ')})`
					: `Tool call ${call.id} calls ${call.name}, but no tool was offered`,
			);
		const text = call.arguments.trim();
		const parsed = attempt((): unknown => (text ? JSON.parse(text) : {}));
		if (!parsed.ok)
			return refused(
				`The arguments of ${what} are not valid JSON: ${(parsed.error as Error).message}`,
			);
		if (!isJsonObject(parsed.value))
			return refused(`The arguments of ${what} are not a JSON object`);
		answered.push({ ...call, input: parsed.value });
	}
	return { ok: true, toolCalls: answered };
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An answer without text, paid for. Cut at Max Tokens, reasoning (or nothing) used every token. */
function emptyAnswer(completion: ChatCompletion): AnswerCheck {
	if (completion.finishReason !== 'length')
		return {
			ok: false,
			kind: 'empty_response',
			error: 'Empty response: the model returned no content',
		};
	const reasoningTokens = completion.usage?.reasoningTokens;
	const spent = reasoningTokens ? ` (${reasoningTokens} of them on reasoning)` : '';
	return {
		ok: false,
		kind: 'empty_response',
		error: `Empty response: the model used all of Max Tokens${spent} before it answered. Raise Max Tokens, or lower Reasoning Effort / Reasoning Max Tokens`,
		sameAgain: false,
	};
}
