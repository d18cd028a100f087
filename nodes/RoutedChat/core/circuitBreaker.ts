import type { Clock } from './clock';

export interface CircuitBreakerSettings {
	/** Retryable failures in a row that open a model's circuit. */
	threshold: number;
	/** Failures further apart than this do not count as in a row. */
	windowMs: number;
	/** How long an open circuit skips the model. */
	cooldownMs: number;
}

interface ModelHealth {
	failures: number;
	lastFailureAt: number;
	openUntil: number;
}

/**
 * Skips a model that keeps failing, for a cool-down. Pure optimisation: it
 * lives in memory, and losing it only costs a few wasted attempts.
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

	recordFailure(model: string): void {
		const now = this.clock.now();
		const state = this.health.get(model) ?? { failures: 0, lastFailureAt: now, openUntil: 0 };
		state.failures = now - state.lastFailureAt > this.settings.windowMs ? 1 : state.failures + 1;
		state.lastFailureAt = now;
		if (state.failures >= this.settings.threshold) {
			state.openUntil = now + this.settings.cooldownMs;
			state.failures = 0;
		}
		this.health.set(model, state);
	}

	recordSuccess(model: string): void {
		this.health.delete(model);
	}
}
