import { bearerKeyProblem } from './auth';
import { toUsd, type PicoUsd } from './cost';
import { sendStatusFault } from './faults';
import type { GatewayState } from './gatewayState';
import { sendError, sendJson, type Exchange } from './http';
import type { GenerationBehaviour } from './types';
import type { MeteredUsage } from './usage';

/** An answer the gateway billed, kept for GET /generation. */
export interface ServedGeneration {
	id: string;
	model: string;
	provider: string;
	finishReason: string;
	streamed: boolean;
	byok: boolean;
	metered: MeteredUsage;
	behaviour: GenerationBehaviour;
	/** How many times its stats were asked for. */
	lookups: number;
}

/** @openrouter/sdk's GenerationResponseData in OpenRouter's wire names, every required field present. */
export interface GenerationWire {
	id: string;
	upstream_id: string | null;
	total_cost: number | null;
	cache_discount: number | null;
	upstream_inference_cost: number | null;
	usage: number;
	is_byok: boolean;
	created_at: string;
	model: string;
	provider_name: string | null;
	provider_responses: null;
	router: string | null;
	preset_id: string | null;
	app_id: number | null;
	api_type: 'completions';
	data_region: 'global';
	origin: string;
	external_user: string | null;
	http_referer: string | null;
	user_agent: string | null;
	streamed: boolean | null;
	cancelled: boolean | null;
	latency: number | null;
	moderation_latency: number | null;
	generation_time: number | null;
	finish_reason: string | null;
	native_finish_reason: string | null;
	service_tier: string | null;
	tokens_prompt: number | null;
	tokens_completion: number | null;
	native_tokens_prompt: number | null;
	native_tokens_completion: number | null;
	native_tokens_completion_images: number | null;
	native_tokens_reasoning: number | null;
	native_tokens_cached: number | null;
	num_media_prompt: number | null;
	num_input_audio_prompt: number | null;
	num_media_completion: number | null;
	num_search_results: number | null;
	num_fetches: number | null;
	web_search_engine: string | null;
	workspace_id: string | null;
}

/** OpenRouter's answer for a generation whose stats are not written yet, or that does not exist. */
const NOT_FOUND = 'Generation not found';

/**
 * GET /generation?id=: the stats of an answer this gateway billed, under the key like OpenRouter's;
 * 404 for an unknown id and, per the model's `generationStats.lag`, for the first lookups.
 */
export async function handleGeneration(state: GatewayState, { req, res }: Exchange): Promise<void> {
	const keyProblem = bearerKeyProblem(req, state.apiKey);
	if (keyProblem) return sendError(res, 401, keyProblem);
	const id = new URL(req.url ?? '/', 'http://mock-gateway').searchParams.get('id');
	if (!id) return sendError(res, 400, 'Missing generation id');
	const generation = state.served.get(id);
	if (!generation) return sendError(res, 404, NOT_FOUND);
	generation.lookups += 1;
	const { lag = 0, fault, omitTotalCost, hold } = generation.behaviour;
	await hold?.();
	if (res.destroyed) return;
	if (fault) return sendStatusFault(res, fault);
	if (generation.lookups <= lag) return sendError(res, 404, NOT_FOUND);
	const data = generationWire(generation);
	sendJson(res, 200, { data: omitTotalCost ? { ...data, total_cost: null } : data });
}

function generationWire(generation: ServedGeneration): GenerationWire {
	const { usage, cost, upstream, cacheDiscount } = generation.metered;
	const usd = (amount: PicoUsd | null) => (amount === null ? null : toUsd(amount));
	return {
		id: generation.id,
		upstream_id: `chatcmpl-${generation.id}`,
		total_cost: toUsd(cost),
		cache_discount: usd(cacheDiscount),
		upstream_inference_cost: toUsd(upstream),
		usage: toUsd(cost),
		is_byok: generation.byok,
		// A fixed date keeps the stats deterministic.
		created_at: '2026-01-01T00:00:00.000Z',
		model: generation.model,
		provider_name: generation.provider,
		provider_responses: null,
		router: null,
		preset_id: null,
		app_id: null,
		api_type: 'completions',
		data_region: 'global',
		origin: '',
		external_user: null,
		http_referer: null,
		user_agent: null,
		streamed: generation.streamed,
		cancelled: false,
		latency: 0,
		moderation_latency: null,
		generation_time: 0,
		finish_reason: generation.finishReason,
		native_finish_reason: generation.finishReason,
		service_tier: null,
		tokens_prompt: usage.prompt_tokens,
		tokens_completion: usage.completion_tokens,
		native_tokens_prompt: usage.prompt_tokens,
		native_tokens_completion: usage.completion_tokens,
		native_tokens_completion_images: 0,
		native_tokens_reasoning: usage.completion_tokens_details.reasoning_tokens,
		native_tokens_cached: usage.prompt_tokens_details.cached_tokens,
		num_media_prompt: 0,
		num_input_audio_prompt: 0,
		num_media_completion: 0,
		num_search_results: 0,
		num_fetches: 0,
		web_search_engine: null,
		workspace_id: null,
	};
}
