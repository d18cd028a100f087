import { z } from 'zod';

/**
 * The parts of OpenRouter's responses the core reads, checked at the edge.
 * Unknown fields pass through untouched; nothing else is parsed.
 */

const count = z.number().int().nonnegative();

export const usageSchema = z.object({
	prompt_tokens: count,
	completion_tokens: count,
	/** Some OpenAI-compatible gateways leave it out; the reader derives it. */
	total_tokens: count.nullish(),
	cost: z.number().nonnegative().nullish(),
	/** Whether the call used the user's own provider key (BYOK). */
	is_byok: z.boolean().nullish(),
	/** For a BYOK call, what the provider charged the user's own key; otherwise what OpenRouter paid the provider, inside `cost`. */
	cost_details: z.object({ upstream_inference_cost: z.number().nonnegative().nullish() }).nullish(),
	prompt_tokens_details: z
		.object({ cached_tokens: count.nullish(), cache_write_tokens: count.nullish() })
		.nullish(),
	completion_tokens_details: z.object({ reasoning_tokens: count.nullish() }).nullish(),
});

export const gatewayErrorSchema = z.object({
	code: z.union([z.number(), z.string()]).nullish(),
	message: z.string(),
	/** For a provider's failure OpenRouter names the provider and passes its own error on as `raw`. */
	metadata: z.object({ provider_name: z.string().nullish(), raw: z.unknown() }).nullish(),
});

/** The text an answer's message, or a stream chunk's delta, carries. */
const answerText = {
	content: z.string().nullish(),
	reasoning: z.string().nullish(),
	/** The model declined to answer (OpenAI's refusal), with no content. */
	refusal: z.string().nullish(),
};

/** A whole answer's content may also come as parts (@openrouter/sdk's ChatContentItems). */
const contentParts = z.array(z.object({ type: z.string(), text: z.string().nullish() }));

export const completionSchema = z.object({
	id: z.string().nullish(),
	model: z.string(),
	provider: z.string().nullish(),
	choices: z.array(
		z.object({
			finish_reason: z.string().nullish(),
			/** With finish reason `error`, what went wrong. */
			error: gatewayErrorSchema.nullish(),
			message: z
				.object({
					...answerText,
					content: z.union([z.string(), contentParts]).nullish(),
					tool_calls: z
						.array(
							z.object({
								id: z.string(),
								type: z.literal('function'),
								function: z.object({ name: z.string(), arguments: z.string() }),
							}),
						)
						.nullish(),
				})
				.nullish(),
		}),
	),
	usage: usageSchema.nullish(),
});

/** OpenRouter's error body: on an error status, and for some upstream failures on HTTP 200. */
export const errorBodySchema = z.object({ error: gatewayErrorSchema });

/** Other servers' error bodies, as their message: vLLM's `{object: "error", message}`, FastAPI's `{detail}`. */
export const plainErrorBodySchema = z.union([
	z.object({ message: z.string().min(1) }).transform(({ message }) => message),
	z.object({ detail: z.string().min(1) }).transform(({ detail }) => detail),
]);

/** One `chat.completion.chunk` of OpenRouter's stream: the parts the core reads. */
export const chunkSchema = z.object({
	id: z.string().nullish(),
	model: z.string().nullish(),
	provider: z.string().nullish(),
	error: gatewayErrorSchema.nullish(),
	choices: z
		.array(
			z.object({
				finish_reason: z.string().nullish(),
				delta: z
					.object({
						...answerText,
						tool_calls: z
							.array(
								z.object({
									index: z.number().int().nonnegative(),
									id: z.string().nullish(),
									function: z
										.object({ name: z.string().nullish(), arguments: z.string().nullish() })
										.nullish(),
								}),
							)
							.nullish(),
					})
					.nullish(),
			}),
		)
		.nullish(),
	usage: usageSchema.nullish(),
});

/** GET /generation?id=: a generation's stats (@openrouter/sdk's GenerationResponse), the fields read. */
export const generationSchema = z.object({
	data: z.object({
		total_cost: z.number().nonnegative().nullish(),
		/** Negative when a cache write cost more than the reads saved. */
		cache_discount: z.number().nullish(),
		upstream_inference_cost: z.number().nonnegative().nullish(),
		is_byok: z.boolean().nullish(),
		native_tokens_prompt: count.nullish(),
		native_tokens_completion: count.nullish(),
		native_tokens_reasoning: count.nullish(),
		native_tokens_cached: count.nullish(),
	}),
});

/**
 * OpenAI's `{data: [...]}`, or the bare array some servers send (Together AI). Each entry is read
 * on its own (modelEntrySchema): one the reader cannot use is left out, not the list.
 */
export const modelsListSchema = z.union([
	z.object({ data: z.array(z.unknown()) }).transform(({ data }) => data),
	z.array(z.unknown()),
]);

/** USD per token: OpenRouter's decimal text ("-1" when variable, as for openrouter/auto), or a number as some gateways send. */
const perTokenUsd = z.union([z.string(), z.number()]).nullish();

export const modelEntrySchema = z.object({
	id: z.string().min(1),
	name: z.string().nullish(),
	context_length: z.number().nullish(),
	/** vLLM's name for the context length. */
	max_model_len: z.number().nullish(),
	/** A model without both token prices stays unpriced; `request` is a fee per request (a search model's). */
	pricing: z
		.object({
			prompt: perTokenUsd,
			completion: perTokenUsd,
			request: perTokenUsd,
			input_cache_write: perTokenUsd,
		})
		.nullish(),
	architecture: z.object({ input_modalities: z.array(z.string()).nullish() }).nullish(),
});

export type CompletionBody = z.infer<typeof completionSchema>;
export type GenerationBody = z.infer<typeof generationSchema>;
export type ErrorBody = z.infer<typeof errorBodySchema>;
