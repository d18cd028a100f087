import type { IExecuteFunctions } from 'n8n-workflow';

import { CircuitBreaker } from '../core';
import { n8nClock } from './n8nClock';

/**
 * One breaker per execution: n8n runs a node several times in one execution (a loop, two parents),
 * and a model one run found down is skipped by the next. Keyed on the execution's flow context, an
 * object n8n keeps for the whole execution, so a breaker goes when its execution does.
 */
const byExecution = new WeakMap<object, CircuitBreaker>();

export function executionBreaker(context: Pick<IExecuteFunctions, 'getContext'>): CircuitBreaker {
	const execution = context.getContext('flow');
	let breaker = byExecution.get(execution);
	if (!breaker) {
		breaker = newBreaker();
		byExecution.set(execution, breaker);
	}
	return breaker;
}

/** Three failed requests within a rolling minute skip a model for 30 s. */
export function newBreaker(): CircuitBreaker {
	return new CircuitBreaker({ threshold: 3, windowMs: 60_000, cooldownMs: 30_000 }, n8nClock);
}
