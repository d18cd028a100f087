import type { ModelPrice } from './chatClient';
import { nanoToUsd, usdToNano } from './money';
import type { PriceBook } from './pricingCache';
import { RouteError } from './routeError';
import { type CostFigure, figureOf, listedCostNano } from './cost';
import type { Attempt, RouteResult, Usage } from './types';
import { sumUsage } from './usage';

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
	/** Prompt tokens read from and written to providers' prompt caches (Cache Control). */
	cachedTokens: number;
	cacheWriteTokens: number;
	/** What prompt caching saved, summed over the items' `cost.cacheDiscountUsd` (0 when none was reported). */
	cacheDiscountUsd: number;
	byModel: Record<string, ModelTally>;
	escalated: number;
	fellBack: number;
	/** What the served items would have cost on the priciest model they could have gone to. */
	strongestModel: string | null;
	strongestOnlyCostUsd: number | null;
	savedUsd: number | null;
}

export type ItemOutcome<Result extends RouteResult = RouteResult> =
	| { result: Result }
	| { error: unknown };

/**
 * Totals for one execution, summed in integer nano-dollars so they match the items exactly:
 * totalCostUsd = Σ byModel costUsd = Σ items' cost (a failed item's spend included), and the
 * tokens likewise, since every figure is summed from the same calls.
 */
export function summarizeCosts(
	outcomes: readonly ItemOutcome[],
	candidates: readonly string[],
	prices: PriceBook | undefined,
): CostSummary {
	const byModel = new Map<string, { calls: number; nano: number; tokens: number }>();
	let totalNano = 0;
	let discountNano = 0;
	let servedNano = 0;
	let costIncomplete = false;
	const tokens = { prompt: 0, completion: 0, total: 0, cached: 0, cacheWrite: 0 };
	const servedUsages: Usage[] = [];
	let escalated = 0;
	let fellBack = 0;

	for (const outcome of outcomes) {
		const item = itemSpend(outcome);
		if (!item) continue;
		if (item.cost.source === 'unknown') costIncomplete = true;
		totalNano += item.cost.nanoUsd ?? 0;
		discountNano += item.cost.cacheDiscountNanoUsd ?? 0;
		for (const attempt of item.attempts) {
			if (!attempt.servedBy) continue;
			const tally = byModel.get(attempt.servedBy) ?? { calls: 0, nano: 0, tokens: 0 };
			tally.calls++;
			tally.nano += attempt.costUsd == null ? 0 : usdToNano(attempt.costUsd);
			tally.tokens += attempt.usage?.totalTokens ?? 0;
			byModel.set(attempt.servedBy, tally);
		}
		const usage = sumUsage(item.attempts);
		tokens.prompt += usage.promptTokens;
		tokens.completion += usage.completionTokens;
		tokens.total += usage.totalTokens;
		tokens.cached += usage.cachedTokens;
		tokens.cacheWrite += usage.cacheWriteTokens;
		if (!('result' in outcome)) continue;
		const { result } = outcome;
		servedNano += result.costNanoUsd ?? 0;
		if (result.escalated) escalated++;
		if (result.fallbackUsed) fellBack++;
		const served = [...result.attempts].reverse().find((attempt) => attempt.outcome === 'success');
		if (served?.usage) servedUsages.push(served.usage);
	}

	// Strongest-only sends each served item once: the tokens of the answer kept, not of every call.
	const strongest = priciest(candidates, prices);
	const strongestNano = strongest
		? servedUsages.reduce((sum, usage) => sum + listedCostNano(strongest.price, usage), 0)
		: null;

	return {
		items: outcomes.length,
		served: outcomes.filter((outcome) => 'result' in outcome).length,
		failed: outcomes.filter((outcome) => !('result' in outcome)).length,
		totalCostUsd: nanoToUsd(totalNano),
		costIncomplete,
		promptTokens: tokens.prompt,
		completionTokens: tokens.completion,
		totalTokens: tokens.total,
		cachedTokens: tokens.cached,
		cacheWriteTokens: tokens.cacheWrite,
		cacheDiscountUsd: nanoToUsd(discountNano),
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

/** An item's calls and what they cost, served or failed; nothing for an item that failed before any call. */
export function itemSpend(
	outcome: ItemOutcome,
): { attempts: readonly Attempt[]; cost: CostFigure } | undefined {
	if ('result' in outcome) {
		const { result } = outcome;
		return { attempts: result.attempts, cost: figureOf(result.cost, result.costNanoUsd) };
	}
	if (outcome.error instanceof RouteError)
		return { attempts: outcome.error.attempts, cost: outcome.error.spent };
	return undefined;
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
