import type { ChatCompletion, ModelPrice } from './chatClient';
import { nanoToUsd, tokensCostNano, usdToNano } from './money';
import type { Cost, CostSource } from './types';

export interface CostFigure {
	nanoUsd: number | null;
	source: CostSource;
	/** Of nanoUsd, a BYOK provider's charge to the user's own key. */
	upstreamNanoUsd?: number;
}

/** The gateway's own accounting when it gave one, else published price × tokens. */
export function completionCost(
	completion: ChatCompletion,
	price: ModelPrice | undefined,
): CostFigure {
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
	const source = figures.some((figure) => figure.source === 'unknown')
		? 'unknown'
		: figures.some((figure) => figure.source === 'estimate')
			? 'estimate'
			: 'gateway';
	const upstream = figures.filter((figure) => figure.upstreamNanoUsd !== undefined);
	return {
		nanoUsd,
		source,
		...(upstream.length && {
			upstreamNanoUsd: upstream.reduce((sum, figure) => sum + (figure.upstreamNanoUsd ?? 0), 0),
		}),
	};
}

/** An item's cost as results show it. */
export function reportedCost(figure: CostFigure): Cost {
	return {
		totalUsd: figure.nanoUsd === null ? null : nanoToUsd(figure.nanoUsd),
		source: figure.source,
		...(figure.upstreamNanoUsd !== undefined && { upstreamUsd: nanoToUsd(figure.upstreamNanoUsd) }),
	};
}
