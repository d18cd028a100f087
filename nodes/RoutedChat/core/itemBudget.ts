import { usdToNano } from './money';

/**
 * Max Cost per Item: what all of one item's calls may cost together (retries, fallbacks and a
 * cascade's cheap, repair and strong calls). A call is made only if its worst case fits what is
 * left; a call whose cost is not known is charged at its worst case.
 */
export class ItemBudget {
	private chargedNano = 0;
	private readonly limitNano: number;

	constructor(limitUsd: number) {
		this.limitNano = usdToNano(limitUsd);
	}

	fits(worstNano: number): boolean {
		return this.chargedNano + worstNano <= this.limitNano;
	}

	charge(costNano: number): void {
		this.chargedNano += costNano;
	}
}
