import { nanoToUsd, usdToNano } from './money';

/** One admitted call's hold on the execution budget, released when the call settles. */
export interface Reservation {
	/** Replaces the hold with what the call cost; `null` (not known) is charged at the hold. */
	settle(costNano: number | null): void;
}

/**
 * Max Cost per Execution, shared by the items of one run. A call is admitted only while what was
 * spent plus the reservations of the calls in flight plus its own worst case fits the cap, so
 * concurrent items can never overshoot it together. A call that does not fit waits for calls in
 * flight to settle, and is refused once none is left to free room. Lives only as long as the run;
 * a run starts from what the node's earlier runs in the same execution spent.
 */
export class ExecutionBudget {
	private reservedNano = 0;
	private inFlight = 0;
	private waiters: Array<() => void> = [];
	private readonly limitNano: number;

	/** `spentNano`: what was already spent against this cap before the run, in nano-dollars. */
	constructor(
		limitUsd: number,
		private spentNano = 0,
	) {
		this.limitNano = usdToNano(limitUsd);
	}

	/** Nano-dollars spent against the cap: each settled call at its cost, or at its hold when that is not known. */
	get spent(): number {
		return this.spentNano;
	}

	get reached(): boolean {
		return this.spentNano >= this.limitNano;
	}

	/** Holds `worstNano` for one call, waiting while calls in flight may free room; undefined when it cannot fit. */
	async reserve(worstNano: number, signal?: AbortSignal): Promise<Reservation | undefined> {
		while (this.spentNano + this.reservedNano + worstNano > this.limitNano) {
			if (this.inFlight === 0 || signal?.aborted) return undefined;
			await this.nextSettle();
		}
		this.reservedNano += worstNano;
		this.inFlight++;
		let settled = false;
		return {
			settle: (costNano) => {
				if (settled) return;
				settled = true;
				this.reservedNano -= worstNano;
				this.inFlight--;
				this.spentNano += costNano ?? worstNano;
				const waiters = this.waiters;
				this.waiters = [];
				for (const wake of waiters) wake();
			},
		};
	}

	describe(worstNano?: number): string {
		const reserved =
			this.reservedNano > 0 ? ` (${usd(this.reservedNano)} held by calls in flight)` : '';
		const call =
			worstNano === undefined ? '' : `; the next call could cost up to ${usd(worstNano)}`;
		return `Budget reached: this execution has spent ${usd(this.spentNano)}${reserved} of its $${nanoToUsd(this.limitNano)} limit${call}`;
	}

	/** Resolves when a call in flight settles; a cancelled execution's calls settle too, as they abort. */
	private async nextSettle(): Promise<void> {
		await new Promise<void>((resolve) => this.waiters.push(resolve));
	}
}

function usd(nano: number): string {
	return `$${nanoToUsd(nano).toFixed(6)}`;
}
