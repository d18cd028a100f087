import type { CostFigure } from './cost';
import type { Attempt, FailureKind } from './types';

/** Why an item got no answer: the kind of the failure that ended the chain. */
export type RouteErrorReason =
	| FailureKind
	/** Every model of the chain was skipped (drill, open circuit, over budget…): none was asked. */
	| 'exhausted'
	| 'deadline'
	| 'budget_reached'
	/** No model in the chain publishes an input modality the messages need. */
	| 'unsupported_input';

/** The last answer a model gave that was not usable, so a cascade can ask for a repair. */
export interface RejectedAnswer {
	model: string;
	content: string;
	problems: string[];
	/** Whether asking again with the problems can fix them: a format can be, a low self-reported confidence cannot. */
	repairable: boolean;
}

/** Raised when no model in the chain gave a usable answer; carries every attempt. */
export class RouteError extends Error {
	constructor(
		message: string,
		readonly reason: RouteErrorReason,
		readonly attempts: Attempt[],
		readonly status?: number,
		/** Answers that were paid for but not used still cost money; labelled like an item's cost. */
		readonly spent: CostFigure = { nanoUsd: 0, source: 'gateway' },
		readonly rejected?: RejectedAnswer,
	) {
		super(message);
		this.name = 'RouteError';
	}
}
