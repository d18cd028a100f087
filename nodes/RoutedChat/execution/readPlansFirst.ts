import type { IExecuteFunctions } from 'n8n-workflow';

import type { ItemPlan } from '../core';
import { mediaBytes } from '../plan/mediaLimits';
import type { NodeParameters } from '../plan/nodeParameters';
import { readItemPlan } from '../plan/readItemPlan';

/** An item's plan as read before the first request: how its start gets the plan, or why it has none. */
export type CheckedPlan = { plan: () => Promise<ItemPlan> } | { error: unknown };

/**
 * Reads every item's plan before the first request, so input that any item gets wrong fails the
 * run (or, under Continue On Fail, only that item) before money is spent. A plan is kept for its
 * item's start unless its messages carry file bytes: that one is read again when its item starts,
 * so only the items in flight hold their files at once.
 */
export async function readPlansFirst(
	context: IExecuteFunctions,
	count: number,
	parameters: NodeParameters,
	onRead: (plan: ItemPlan) => void,
): Promise<CheckedPlan[]> {
	const checked: CheckedPlan[] = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			const plan = await readItemPlan(context, itemIndex, parameters);
			onRead(plan);
			checked.push({
				plan: carriesFiles(plan)
					? async () => await readItemPlan(context, itemIndex, parameters)
					: async () => plan,
			});
		} catch (error) {
			checked.push({ error });
		}
	}
	return checked;
}

function carriesFiles(item: ItemPlan): boolean {
	const { messages } = item.kind === 'chain' ? item.plan : item.plan.cheap;
	return mediaBytes(messages) > 0;
}
