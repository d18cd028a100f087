import type { ModelPrice } from './chatClient';
import { tokensCostNano, nanoToUsd, usdToNano } from './money';
import type { PriceBook } from './pricingCache';
import { RouteError } from './routeError';
import type { RouteResult } from './types';

export interface ModelTally {
	calls: number;
	costUsd: number;
	totalTokens: number;
}

export interface CostSummary {
	items: number;
	served: number;
	failed: number;
	totalCostUsd: number;
	/** True when some call's cost is unknown, so the total is a floor. */
	costIncomplete: boolean;
	promptTokens: number;
	completionTokens: number;
	totalTokens: number;
	byModel: Record<string, ModelTally>;
	escalated: number;
	fellBack: number;
	/** What the served items would have cost on the priciest model they could have gone to. */
	strongestModel: string | null;
	strongestOnlyCostUsd: number | null;
	savedUsd: number | null;
}

export type ItemOutcome = { result: RouteResult } | { error: unknown };

/** Totals for one execution, summed in integer nano-dollars so they match the items exactly. */
export function summarizeCosts(
	outcomes: readonly ItemOutcome[],
	candidates: readonly string[],
	prices: PriceBook | undefined,
): CostSummary {
	const byModel = new Map<string, { calls: number; nano: number; tokens: number }>();
	let totalNano = 0;
	let servedNano = 0;
	let costIncomplete = false;
	const tokens = { prompt: 0, completion: 0 };
	let served = 0;
	let escalated = 0;
	let fellBack = 0;

	for (const outcome of outcomes) {
		if ('result' in outcome) {
			const { result } = outcome;
			served++;
			if (result.escalated) escalated++;
			if (result.fallbackUsed) fellBack++;
			tokens.prompt += result.usage.promptTokens;
			tokens.completion += result.usage.completionTokens;
			if (result.cost.source === 'unknown') costIncomplete = true;
			totalNano += result.costNanoUsd ?? 0;
			servedNano += result.costNanoUsd ?? 0;
			for (const attempt of result.attempts) {
				if (!attempt.servedBy) continue;
				const tally = byModel.get(attempt.servedBy) ?? { calls: 0, nano: 0, tokens: 0 };
				tally.calls++;
				tally.nano += attempt.costUsd == null ? 0 : usdToNano(attempt.costUsd);
				if (attempt.outcome === 'success' && attempt.servedBy === result.model)
					tally.tokens += result.usage.totalTokens;
				byModel.set(attempt.servedBy, tally);
			}
		} else if (outcome.error instanceof RouteError) {
			totalNano += outcome.error.spent.nanoUsd ?? 0;
		}
	}

	const strongest = priciest(candidates, prices);
	const strongestNano = strongest
		? outcomes.reduce((sum, outcome) => {
				if (!('result' in outcome)) return sum;
				const { usage } = outcome.result;
				return (
					sum +
					tokensCostNano(usage.promptTokens, strongest.price.promptPicoUsd) +
					tokensCostNano(usage.completionTokens, strongest.price.completionPicoUsd)
				);
			}, 0)
		: null;

	return {
		items: outcomes.length,
		served,
		failed: outcomes.length - served,
		totalCostUsd: nanoToUsd(totalNano),
		costIncomplete,
		promptTokens: tokens.prompt,
		completionTokens: tokens.completion,
		totalTokens: tokens.prompt + tokens.completion,
		byModel: Object.fromEntries(
			[...byModel].map(([model, tally]) => [
				model,
				{ calls: tally.calls, costUsd: nanoToUsd(tally.nano), totalTokens: tally.tokens },
			]),
		),
		escalated,
		fellBack,
		strongestModel: strongest?.model ?? null,
		strongestOnlyCostUsd: strongestNano === null ? null : nanoToUsd(strongestNano),
		savedUsd: strongestNano === null ? null : nanoToUsd(strongestNano - servedNano),
	};
}

function priciest(
	models: readonly string[],
	prices: PriceBook | undefined,
): { model: string; price: ModelPrice } | undefined {
	let best: { model: string; price: ModelPrice } | undefined;
	for (const model of models) {
		const price = prices?.get(model);
		if (
			price &&
			(!best ||
				price.completionPicoUsd + price.promptPicoUsd >
					best.price.completionPicoUsd + best.price.promptPicoUsd)
		) {
			best = { model, price };
		}
	}
	return best;
}
