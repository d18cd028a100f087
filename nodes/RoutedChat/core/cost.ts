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

/** Adds up the calls an item paid for; one unknown figure makes the total unknown rather than too low. */
export function sumCosts(figures: readonly CostFigure[]): CostFigure {
	if (figures.some((figure) => figure.nanoUsd === null))
		return { nanoUsd: null, source: 'unknown' };
	return {
		nanoUsd: figures.reduce((sum, figure) => sum + (figure.nanoUsd ?? 0), 0),
		source: figures.some((figure) => figure.source === 'estimate') ? 'estimate' : 'gateway',
	};
}
