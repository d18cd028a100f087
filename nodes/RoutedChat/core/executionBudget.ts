import { nanoToUsd, usdToNano } from './money';

/** A spending cap for one execution; items check it before they start. Lives only as long as the run. */
export class ExecutionBudget {
	private spent = 0;
	private readonly limitNano: number;

	constructor(limitUsd: number) {
		this.limitNano = usdToNano(limitUsd);
	}

	get reached(): boolean {
		return this.spent >= this.limitNano;
	}

	add(nanoUsd: number): void {
		this.spent += nanoUsd;
	}

	describe(): string {
		return `Budget reached: this execution has spent $${nanoToUsd(this.spent).toFixed(6)} of its $${nanoToUsd(this.limitNano)} limit`;
	}
}
