import type { Clock } from './clock';

export interface CircuitBreakerSettings {
	/** Failed requests within the window that open a model's circuit. */
	threshold: number;
	/** The rolling window failures are counted in. */
	windowMs: number;
	/** How long an open circuit skips the model. */
	cooldownMs: number;
}

/** Identifies one request of one item, so that its retries count as one failure. */
export type RequestId = object;

interface ModelHealth {
	/** When each distinct failed request failed, within the window. */
	failures: Map<RequestId, number>;
	openUntil: number;
}

/**
 * Skips a model whose requests keep failing, for a cool-down: `threshold` distinct failed
 * requests within a rolling `windowMs` open its circuit, and a served answer closes it. Pure
 * optimisation: it lives in memory, and losing it only costs a few wasted attempts.
 */
export class CircuitBreaker {
	private readonly health = new Map<string, ModelHealth>();

	constructor(
		private readonly settings: CircuitBreakerSettings,
		private readonly clock: Clock,
	) {}

	isOpen(model: string): boolean {
		const state = this.health.get(model);
		return state !== undefined && this.clock.now() < state.openUntil;
	}

	/** Counts one failed request against each model it blames; a retry of the same request counts once. */
	recordFailure(models: readonly string[], request: RequestId): void {
		const now = this.clock.now();
		for (const model of models) {
			const state = this.health.get(model) ?? { failures: new Map(), openUntil: 0 };
			for (const [id, at] of state.failures)
				if (now - at >= this.settings.windowMs) state.failures.delete(id);
			if (!state.failures.has(request)) state.failures.set(request, now);
			if (state.failures.size >= this.settings.threshold) {
				state.openUntil = now + this.settings.cooldownMs;
				state.failures.clear();
			}
			this.health.set(model, state);
		}
	}

	recordSuccess(model: string): void {
		this.health.delete(model);
	}
}
