import { CACHE_WRITE_COSTS_PERCENT, parseUsd, type TokenPrices } from './cost';
import type { Fault, MockModel } from './types';

export interface ModelScript {
	model: MockModel;
	prices: TokenPrices;
	/** What is left of `model.faults`. */
	pendingFaults: Array<Fault | null>;
}

/** The gateway's current model scripts, with each model's fault queue. */
export class ModelScripts {
	private readonly scripts = new Map<string, ModelScript>();

	constructor(private readonly initial: readonly MockModel[]) {
		this.reset();
	}

	all(): ModelScript[] {
		return [...this.scripts.values()];
	}

	get(id: string): ModelScript | undefined {
		return this.scripts.get(id);
	}

	set(model: MockModel): void {
		const prices = {
			prompt: parseUsd(model.pricing.prompt),
			completion: parseUsd(model.pricing.completion),
			request: parseUsd(model.pricing.request ?? '0'),
			cacheWrite: model.pricing.inputCacheWrite
				? parseUsd(model.pricing.inputCacheWrite)
				: (parseUsd(model.pricing.prompt) * (100n + CACHE_WRITE_COSTS_PERCENT)) / 100n,
		};
		this.scripts.set(model.id, { model, prices, pendingFaults: [...(model.faults ?? [])] });
	}

	reset(): void {
		this.scripts.clear();
		for (const model of this.initial) this.set(model);
	}

	/** The fault the next request to this model meets, if any, consuming it from the queue. */
	takeFault(script: ModelScript): Fault | undefined {
		return script.model.down ?? script.pendingFaults.shift() ?? undefined;
	}
}
