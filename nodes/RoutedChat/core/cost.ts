import type { ChatCompletion, ModelPrice } from './chatClient';
import { nanoToUsd, usdToNano } from './money';
import type { StatsLookup } from './generationStats';
import type { PromptBound } from './tokenEstimate';
import type { Cost, CostSource, Usage } from './types';

export interface CostFigure {
	nanoUsd: number | null;
	source: CostSource;
	/** Of nanoUsd, a BYOK provider's charge to the user's own key. */
	upstreamNanoUsd?: number;
	/** What prompt caching saved, when the gateway reported it. */
	cacheDiscountNanoUsd?: number;
	/** Why Generation Stats could not supply the figure. */
	generationError?: string;
}

/**
 * What one paid call cost: its generation stats' `total_cost` when they were read and carry it,
 * else the gateway's accounting in the answer, else published price × tokens.
 */
export function completionCost(
	completion: ChatCompletion,
	price: ModelPrice | undefined,
	lookup?: StatsLookup,
): CostFigure {
	if (!lookup) return answerCost(completion, price);
	if ('error' in lookup)
		return {
			...answerCost(completion, price),
			generationError: `Generation stats not read: ${lookup.error}`,
		};
	const { costUsd, upstreamCostUsd, cacheDiscountUsd } = lookup.stats;
	const discount =
		cacheDiscountUsd === null ? {} : { cacheDiscountNanoUsd: usdToNano(cacheDiscountUsd) };
	if (costUsd === null)
		return {
			...answerCost(completion, price),
			...discount,
			generationError: 'Generation stats carried no total_cost',
		};
	return {
		nanoUsd: usdToNano(costUsd),
		source: 'generation',
		...(upstreamCostUsd !== null && { upstreamNanoUsd: usdToNano(upstreamCostUsd) }),
		...discount,
	};
}

/** Whether the answer or its stats carry the call's cost, so that no published price is needed. */
export function carriesCost(completion: ChatCompletion, lookup: StatsLookup | undefined): boolean {
	const statsCost = lookup && 'stats' in lookup ? lookup.stats.costUsd : null;
	return completion.gatewayCostUsd !== null || statsCost !== null;
}

/** The gateway's own accounting in the answer when it gave one, else published price × tokens. */
function answerCost(completion: ChatCompletion, price: ModelPrice | undefined): CostFigure {
	if (completion.gatewayCostUsd !== null) {
		const figure: CostFigure = { nanoUsd: usdToNano(completion.gatewayCostUsd), source: 'gateway' };
		if (completion.upstreamCostUsd !== null)
			figure.upstreamNanoUsd = usdToNano(completion.upstreamCostUsd);
		return figure;
	}
	if (price && completion.usage)
		return { nanoUsd: listedCostNano(price, completion.usage), source: 'estimate' };
	return { nanoUsd: null, source: 'unknown' };
}

/** What one request with these tokens costs at the published prices, in pico-dollars: its tokens and any fee per request. */
function listedPico(price: ModelPrice, promptTokens: number, completionTokens: number): number {
	return (
		promptTokens * price.promptPicoUsd +
		completionTokens * price.completionPicoUsd +
		(price.requestPicoUsd ?? 0)
	);
}

/** listedPico in nano-dollars, for the tokens a call was billed. */
export function listedCostNano(
	price: ModelPrice,
	{ promptTokens, completionTokens }: Pick<Usage, 'promptTokens' | 'completionTokens'>,
): number {
	return Math.round(listedPico(price, promptTokens, completionTokens) / 1000);
}

/**
 * OpenRouter's fee on a call served with the user's own provider key (BYOK), in percent of the
 * provider's bill, which the user pays besides. Whether a call goes that way is known only after it.
 */
const BYOK_FEE_PERCENT = 5;

/**
 * A prompt cache write is billed above the prompt price: 1.25 times for 5 minutes, 2 times for an
 * hour (Anthropic's prices), unless the model publishes a higher one (`input_cache_write`).
 */
const CACHE_WRITE_PERCENT = { '5m': 125, '1h': 200 } as const;

/**
 * The most a call could cost: every prompt token (each at the cache-write price when the prompt
 * may be written to a cache) plus every token it may generate and any fee per request, at the
 * published price plus the BYOK fee, rounded up so that no fraction of a nano-dollar is missed.
 */
export function worstCaseNano(
	price: ModelPrice,
	prompt: PromptBound,
	maxCompletionTokens: number,
): number {
	const promptPicoUsd = promptTokenPico(price, prompt.cacheWrite);
	const listed = listedPico({ ...price, promptPicoUsd }, prompt.tokens, maxCompletionTokens);
	// Pico to nano and percent in one division, exact whenever the quotient is whole.
	return Math.ceil((listed * (100 + BYOK_FEE_PERCENT)) / 100_000);
}

/** A prompt token's price; for a prompt that may be written to a cache, a cache write's. */
function promptTokenPico(price: ModelPrice, cacheWrite: PromptBound['cacheWrite']): number {
	if (!cacheWrite) return price.promptPicoUsd;
	const atLeast = (price.promptPicoUsd * CACHE_WRITE_PERCENT[cacheWrite]) / 100;
	return Math.max(atLeast, price.cacheWritePicoUsd ?? 0);
}

/**
 * Adds up the calls an item paid for. A figure that is not known makes the total `unknown`: the
 * known part is kept as a floor (null only when no part is known), never zeroed. The source is
 * the weakest among the calls; `generation` only when every call's figure was its stats'.
 * One pass without intermediate arrays: it runs once per item, right after the answer.
 */
export function sumCosts(figures: readonly CostFigure[]): CostFigure {
	let nanoUsd: number | null = figures.length > 0 ? null : 0;
	let upstreamNanoUsd: number | undefined;
	let cacheDiscountNanoUsd: number | undefined;
	const errors: string[] = [];
	let unknown = false;
	let estimate = false;
	let generationOnly = figures.length > 0;
	for (const figure of figures) {
		if (figure.nanoUsd !== null) nanoUsd = (nanoUsd ?? 0) + figure.nanoUsd;
		if (figure.upstreamNanoUsd !== undefined)
			upstreamNanoUsd = (upstreamNanoUsd ?? 0) + figure.upstreamNanoUsd;
		if (figure.cacheDiscountNanoUsd !== undefined)
			cacheDiscountNanoUsd = (cacheDiscountNanoUsd ?? 0) + figure.cacheDiscountNanoUsd;
		if (figure.generationError && !errors.includes(figure.generationError))
			errors.push(figure.generationError);
		unknown ||= figure.source === 'unknown';
		estimate ||= figure.source === 'estimate';
		generationOnly &&= figure.source === 'generation';
	}
	const sum: CostFigure = {
		nanoUsd,
		source: unknown ? 'unknown' : estimate ? 'estimate' : generationOnly ? 'generation' : 'gateway',
	};
	if (upstreamNanoUsd !== undefined) sum.upstreamNanoUsd = upstreamNanoUsd;
	if (cacheDiscountNanoUsd !== undefined) sum.cacheDiscountNanoUsd = cacheDiscountNanoUsd;
	if (errors.length) sum.generationError = errors.join('; ');
	return sum;
}

/** An item's cost as results show it. */
export function reportedCost(figure: CostFigure): Cost {
	return {
		totalUsd: figure.nanoUsd === null ? null : nanoToUsd(figure.nanoUsd),
		source: figure.source,
		...(figure.upstreamNanoUsd !== undefined && { upstreamUsd: nanoToUsd(figure.upstreamNanoUsd) }),
		...(figure.cacheDiscountNanoUsd !== undefined && {
			cacheDiscountUsd: nanoToUsd(figure.cacheDiscountNanoUsd),
		}),
		...(figure.generationError !== undefined && { generationError: figure.generationError }),
	};
}

/** A result's cost back as a figure, `nanoUsd` being the exact integer behind `cost.totalUsd`. */
export function figureOf(cost: Cost, nanoUsd: number | null): CostFigure {
	return {
		nanoUsd,
		source: cost.source,
		...(cost.upstreamUsd !== undefined && { upstreamNanoUsd: usdToNano(cost.upstreamUsd) }),
		...(cost.cacheDiscountUsd !== undefined && {
			cacheDiscountNanoUsd: usdToNano(cost.cacheDiscountUsd),
		}),
		...(cost.generationError !== undefined && { generationError: cost.generationError }),
	};
}
