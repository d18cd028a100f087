import type { Attempt, FailureKind } from './types';

/** Why an item got no answer: the failure that ended the chain. */
export type RouteErrorReason = FailureKind | 'exhausted' | 'deadline';

/** Raised when no model in the chain gave a usable answer; carries every attempt. */
export class RouteError extends Error {
	constructor(
		message: string,
		readonly reason: RouteErrorReason,
		readonly attempts: Attempt[],
		readonly status?: number,
	) {
		super(message);
		this.name = 'RouteError';
	}
}
