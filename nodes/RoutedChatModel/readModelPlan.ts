import type { ISupplyDataFunctions } from 'n8n-workflow';

import type { ChatMessage, RoutePlan } from '../RoutedChat/core';
import { markCacheControl } from '../RoutedChat/plan/markCacheControl';
import {
	type Parameter,
	pinnedOrTierModels,
	readFallbackMode,
	routePlan,
} from '../RoutedChat/plan/readItemPlan';
import { readModelList } from '../RoutedChat/plan/readModelList';
import { readOptions } from '../RoutedChat/plan/readOptions';

/** Everything a call needs but its messages and tools, which the chain or agent passes per call. */
export interface ModelPlan {
	chain: Omit<RoutePlan, 'messages'>;
	/** How the chain was chosen: `pinned` or `tier`. */
	route: string;
	/** Each call's messages with Cache Control's mark, as Routed Chat marks an item's. */
	markCache: (messages: ChatMessage[]) => ChatMessage[];
}

/** Parameters → plan, read once when the chain or agent asks for the model. */
export function readModelPlan(context: ISupplyDataFunctions, itemIndex: number): ModelPlan {
	const parameter: Parameter = (name, fallback, options) =>
		context.getNodeParameter(name, itemIndex, fallback, options);
	const options = readOptions(parameter('options', {}));
	const fallbacks = readModelList(parameter('fallbackModels', ''), 'fallbackModels');
	const fallbackMode = readFallbackMode(parameter);
	const { primary, tier, route } = pinnedOrTierModels(parameter);
	return {
		chain: routePlan(primary, fallbacks, tier, options, fallbackMode),
		route,
		markCache: (messages) => markCacheControl(messages, options),
	};
}
