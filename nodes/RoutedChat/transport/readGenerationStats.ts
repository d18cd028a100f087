import { GatewayError, type GenerationStats, type NativeTokenField } from '../core';
import { fastSafeParse } from './fastSafeParse';
import { type GenerationBody, generationSchema } from './gatewaySchema';

const parseGenerationStats = fastSafeParse(generationSchema);

/** The output's names for the provider's own token counts. */
const NATIVE_COUNTS: Record<NativeTokenField, keyof GenerationBody['data']> = {
	nativePromptTokens: 'native_tokens_prompt',
	nativeCompletionTokens: 'native_tokens_completion',
	nativeReasoningTokens: 'native_tokens_reasoning',
	nativeCachedTokens: 'native_tokens_cached',
};

/**
 * Reads `GET /generation?id=` into the stats the core uses. With the user's own provider key
 * (BYOK) the provider bills that key `upstream_inference_cost` besides OpenRouter's `total_cost`,
 * so the call cost both, as for an answer's `usage.cost`; otherwise the upstream figure is what
 * OpenRouter paid the provider, already inside `total_cost`.
 */
export function readGenerationStats(body: unknown): GenerationStats {
	const parsed = parseGenerationStats(body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new GatewayError(
			'malformed_response',
			`Malformed generation stats: ${issue.path.join('.') || 'body'}: ${issue.message}`,
		);
	}
	const { data } = parsed.data;
	const upstream = data.is_byok ? (data.upstream_inference_cost ?? null) : null;
	const total = data.total_cost ?? null;
	const nativeTokens: GenerationStats['nativeTokens'] = {};
	for (const [field, wire] of Object.entries(NATIVE_COUNTS) as Array<[NativeTokenField, string]>) {
		const count = data[wire as keyof typeof data];
		if (typeof count === 'number') nativeTokens[field] = count;
	}
	return {
		costUsd: total === null ? null : total + (upstream ?? 0),
		upstreamCostUsd: upstream,
		cacheDiscountUsd: data.cache_discount ?? null,
		nativeTokens,
	};
}
