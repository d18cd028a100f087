import type { ChatCompletion, ModelPrice } from './chatClient';
import { tokensCostNano, usdToNano } from './money';
import type { CostSource } from './types';

export interface CostFigure {
	nanoUsd: number | null;
	source: CostSource;
}

/** The gateway's own accounting when it gave one, else published price × tokens. */
export function completionCost(
	completion: ChatCompletion,
	price: ModelPrice | undefined,
): CostFigure {
	if (completion.gatewayCostUsd !== null)
		return { nanoUsd: usdToNano(completion.gatewayCostUsd), source: 'gateway' };
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
	return { nanoUsd, source };
}
