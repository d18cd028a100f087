import type { ChatCompletion, ModelPrice } from './chatClient';
import { nanoToUsd, tokensCostNano, usdToNano } from './money';
import type { StatsLookup } from './generationStats';
import type { Cost, CostSource } from './types';

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

/** The gateway's own accounting in the answer when it gave one, else published price × tokens. */
function answerCost(completion: ChatCompletion, price: ModelPrice | undefined): CostFigure {
	if (completion.gatewayCostUsd !== null) {
		const upstream = completion.upstreamCostUsd;
		return {
			nanoUsd: usdToNano(completion.gatewayCostUsd),
			source: 'gateway',
			...(upstream !== null && { upstreamNanoUsd: usdToNano(upstream) }),
		};
	}
	if (price && completion.usage) {
		return {
			nanoUsd:
				tokensCostNano(completion.usage.promptTokens, price.promptPicoUsd) +
				tokensCostNano(completion.usage.completionTokens, price.completionPicoUsd),
			source: 'estimate',
		};
	}
	return { nanoUsd: null, source: 'unknown' };
}

/** The most a call could cost: every prompt token plus every token it may generate. */
export function worstCaseNano(
	price: ModelPrice,
	promptTokens: number,
	maxCompletionTokens: number,
): number {
	return (
		tokensCostNano(promptTokens, price.promptPicoUsd) +
		tokensCostNano(maxCompletionTokens, price.completionPicoUsd)
	);
}

/**
 * Adds up the calls an item paid for. A figure that is not known makes the total `unknown`: the
 * known part is kept as a floor (null only when no part is known), never zeroed.
 */
export function sumCosts(figures: readonly CostFigure[]): CostFigure {
	const known = figures.filter((figure) => figure.nanoUsd !== null);
	const nanoUsd =
		figures.length > 0 && known.length === 0
			? null
			: known.reduce((sum, figure) => sum + (figure.nanoUsd ?? 0), 0);
	const upstream = sumOf(figures, 'upstreamNanoUsd');
	const discount = sumOf(figures, 'cacheDiscountNanoUsd');
	const errors = [...new Set(figures.map((figure) => figure.generationError).filter(Boolean))];
	return {
		nanoUsd,
		source: sourceOf(figures),
		...(upstream !== undefined && { upstreamNanoUsd: upstream }),
		...(discount !== undefined && { cacheDiscountNanoUsd: discount }),
		...(errors.length && { generationError: errors.join('; ') }),
	};
}

/** The weakest source among the calls; `generation` only when every call's figure was its stats'. */
function sourceOf(figures: readonly CostFigure[]): CostSource {
	const sources = new Set(figures.map((figure) => figure.source));
	if (sources.has('unknown')) return 'unknown';
	if (sources.has('estimate')) return 'estimate';
	return sources.size === 1 && sources.has('generation') ? 'generation' : 'gateway';
}

/** The sum of an optional figure over the calls that reported it; undefined when none did. */
function sumOf(
	figures: readonly CostFigure[],
	field: 'upstreamNanoUsd' | 'cacheDiscountNanoUsd',
): number | undefined {
	const reported = figures.filter((figure) => figure[field] !== undefined);
	return reported.length
		? reported.reduce((sum, figure) => sum + (figure[field] ?? 0), 0)
		: undefined;
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
