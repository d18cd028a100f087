import type { LangChainModel } from './langChainModel';

/** A call's token counts as LangChain's result carries them: in its message's names or in its own. */
interface CallResult {
	llmOutput?: { tokenUsage?: Record<string, number | undefined> };
}

interface TracingHandler {
	name?: string;
	options?: { tokensUsageParser?: (result: CallResult) => object };
}

/**
 * The SDK's LLM tracing reads a call's tokens as `input_tokens` / `output_tokens`, the names its
 * `generate` path writes. A streamed call's result is put together by LangChain, which names
 * them `promptTokens` / `completionTokens`; the tracing then finds none and records an estimate.
 * Its reader is replaced by one that reads either.
 */
export function withCountedStreamTokens(model: LangChainModel): void {
	const handlers = Array.isArray(model.callbacks) ? (model.callbacks as TracingHandler[]) : [];
	for (const handler of handlers)
		if (handler.name === 'N8nLlmTracing' && handler.options)
			handler.options.tokensUsageParser = countedTokens;
}

function countedTokens({ llmOutput }: CallResult) {
	const usage = llmOutput?.tokenUsage ?? {};
	const promptTokens = usage.input_tokens ?? usage.promptTokens ?? 0;
	const completionTokens = usage.output_tokens ?? usage.completionTokens ?? 0;
	return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens };
}
