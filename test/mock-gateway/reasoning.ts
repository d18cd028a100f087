import type { ChatRequestBody, MockModel } from './types';
import { countTokens } from './usage';

/** How a reasoning model answered a request that asked it to reason. */
export interface Thinking {
	/** The reasoning text sent back (`message.reasoning`), null when excluded or not asked for. */
	text: string | null;
	reasoningTokens: number;
	/** Reasoning used every token of `max_tokens`: the answer is empty, finish_reason `length`. */
	cutAtMaxTokens: boolean;
}

/**
 * A model with `reasoning` reasons only when the request carries OpenRouter's `reasoning` object:
 * as many tokens as its text counts, at most `reasoning.max_tokens`, and a request whose
 * `max_tokens` that reasoning fills gets no answer, as real reasoning models do.
 */
export function thinkAbout(model: MockModel, body: ChatRequestBody): Thinking | undefined {
	if (model.reasoning === undefined || !body.reasoning) return undefined;
	const budget = readCount(body.reasoning.max_tokens);
	const counted = countTokens(model.reasoning.length, model.charsPerToken);
	const maxTokens = readCount(body.max_tokens);
	const reasoningTokens = Math.min(counted, budget ?? counted, maxTokens ?? counted);
	return {
		text: body.reasoning.exclude === true && !model.ignoresExclude ? null : model.reasoning,
		reasoningTokens,
		cutAtMaxTokens: maxTokens !== undefined && reasoningTokens >= maxTokens,
	};
}

function readCount(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}
