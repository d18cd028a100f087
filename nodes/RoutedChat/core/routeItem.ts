import { type CascadePlan, routeCascade } from './cascade';
import type { StreamDelta } from './chatClient';
import { answersAsText, type RouteContext, routeChat, streamChat } from './routeChat';
import type { RoutePlan, RouteResult } from './types';

/** One item's work: a single chain, or a cheap-to-strong cascade. `route` names how it was chosen. */
export type ItemPlan =
	| { kind: 'chain'; plan: RoutePlan; route: string }
	| { kind: 'cascade'; plan: CascadePlan; route: string };

export interface RoutedItem extends RouteResult {
	route: string;
}

/**
 * Routes one item. With `onDelta`, an item that can stream (see canStream) gets its answer as it
 * arrives, through streamChat; any other item is routed whole and `onDelta` is not called.
 */
export async function routeItem(
	item: ItemPlan,
	context: RouteContext,
	onDelta?: (delta: StreamDelta) => void,
): Promise<RoutedItem> {
	const result =
		item.kind === 'cascade'
			? await routeCascade(item.plan, context)
			: onDelta && canStream(item)
				? await streamChat(item.plan, context, onDelta)
				: await routeChat(item.plan, context);
	return { ...result, route: item.route };
}

/**
 * Whether an item's answer may be shown while it arrives. A cascade judges the cheap answer whole
 * before it keeps it, a JSON answer (JSON Object or JSON Schema) is checked whole and falls over
 * when it fails, and so are the arguments of a tool call: a streamed answer cannot be taken back,
 * so these are routed whole.
 */
export function canStream(item: ItemPlan): boolean {
	if (item.kind !== 'chain') return false;
	const { completion } = item.plan;
	return answersAsText(completion) && !completion.tools?.length;
}

/** Every model an item could be sent to, for the cost summary's "strongest model" comparison. */
export function candidateModels(item: ItemPlan): string[] {
	return item.kind === 'cascade'
		? [...item.plan.cheap.models, ...item.plan.strong.models]
		: item.plan.models;
}
