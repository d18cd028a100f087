import { worstCaseNano } from './cost';
import type { ExecutionBudget, Reservation } from './executionBudget';
import type { ItemBudget } from './itemBudget';
import type { PriceBook } from './pricingCache';
import type { PromptBound } from './tokenEstimate';
import type { SkipReason } from './types';

/** An admitted call's hold on the caps, settled with what the call cost once it is over. */
export interface Admission {
	/** The most the call could cost, charged when its cost is not known. */
	worstNano: number;
	settle(costNano: number | null): void;
}

/**
 * Admits one item's calls under its caps. The worst case of a call is the published price ×
 * (the prompt's bound, at most the context length, + Max Tokens, or the model's context length
 * when Max Tokens is unset), plus the BYOK fee (worstCaseNano).
 * While a cap is set, a model whose worst case cannot be known (no published price) is refused.
 * The prompt is bounded once, when a worst case is first needed: without a cap, never.
 */
export class BudgetGate {
	private promptBound: PromptBound | undefined;

	constructor(
		private readonly prices: PriceBook | undefined,
		private readonly boundPrompt: () => PromptBound,
		private readonly maxTokens: number | undefined,
		private readonly item: ItemBudget | undefined,
		private readonly execution: ExecutionBudget | undefined,
	) {}

	get capped(): boolean {
		return this.item !== undefined || this.execution !== undefined;
	}

	/** Why a model may not be called at all under the caps, if it may not. */
	skipReason(model: string): SkipReason | undefined {
		if (!this.capped) return undefined;
		const worst = this.worstCase(model);
		if (worst === undefined) return 'cost unknown';
		if (this.item && !this.item.fits(worst)) return 'over budget';
		return undefined;
	}

	/** Whether another call of this request still fits Max Cost per Item (a retry after a charged call). */
	fitsItem(models: readonly string[]): boolean {
		return this.item?.fits(this.requestWorstCase(models)) ?? true;
	}

	/**
	 * Holds the worst case of a request (its priciest model) against the caps, waiting for room in
	 * the execution budget while calls are in flight; undefined when the execution cap cannot fit it.
	 */
	async admit(models: readonly string[], signal?: AbortSignal): Promise<Admission | undefined> {
		const worstNano = this.capped ? this.requestWorstCase(models) : 0;
		let reservation: Reservation | undefined;
		if (this.execution) {
			reservation = await this.execution.reserve(worstNano, signal);
			if (!reservation) return undefined;
		}
		return {
			worstNano,
			settle: (costNano) => {
				reservation?.settle(costNano);
				this.item?.charge(costNano ?? worstNano);
			},
		};
	}

	describeRefusal(models: readonly string[]): string {
		return this.execution?.describe(this.requestWorstCase(models)) ?? 'Budget reached';
	}

	/** Only one model of a request answers and is billed: its worst case is its priciest model's. */
	private requestWorstCase(models: readonly string[]): number {
		return Math.max(...models.map((model) => this.worstCase(model) ?? 0));
	}

	/** A prompt never exceeds the context length: that bounds one that has no bound of its own (a PDF by URL). */
	private worstCase(model: string): number | undefined {
		const price = this.prices?.get(model);
		const completionTokens = this.maxTokens ?? price?.contextLength;
		this.promptBound ??= this.boundPrompt();
		const tokens = Math.min(this.promptBound.tokens, price?.contextLength ?? Infinity);
		if (!price || completionTokens === undefined || tokens === Infinity) return undefined;
		return worstCaseNano(price, { ...this.promptBound, tokens }, completionTokens);
	}
}
