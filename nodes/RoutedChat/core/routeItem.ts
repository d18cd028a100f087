import { type CascadePlan, routeCascade } from './cascade';
import { type RouteContext, routeChat } from './routeChat';
import type { RoutePlan, RouteResult } from './types';

/** One item's work: a single chain, or a cheap-to-strong cascade. `route` names how it was chosen. */
export type ItemPlan =
	| { kind: 'chain'; plan: RoutePlan; route: string }
	| { kind: 'cascade'; plan: CascadePlan; route: string };

export interface RoutedItem extends RouteResult {
	route: string;
}

export async function routeItem(item: ItemPlan, context: RouteContext): Promise<RoutedItem> {
	const result =
		item.kind === 'cascade'
			? await routeCascade(item.plan, context)
			: await routeChat(item.plan, context);
	return { ...result, route: item.route };
}

/** Every model an item could be sent to, for the cost summary's "strongest model" comparison. */
export function candidateModels(item: ItemPlan): string[] {
	return item.kind === 'cascade'
		? [...item.plan.cheap.models, ...item.plan.strong.models]
		: item.plan.models;
}
