import type { INodeProperties } from 'n8n-workflow';

import { fallbackProperties } from '../../RoutedChat/description/fallbacks';
import { optionsProperty } from '../../RoutedChat/description/options';
import { routingProperties } from '../../RoutedChat/description/routing';

/** Routings a single model call can use; rules and cascade read the whole item, which a chain or agent owns. */
const ROUTINGS = ['pinned', 'tier'];

/** Options that apply to one call; run-wide ones (concurrency, budgets, summary, drill) belong to Routed Chat. */
const CALL_OPTIONS = new Set([
	'cacheControl',
	'cacheMessageIndex',
	'cacheTtl',
	'excludeReasoning',
	'maxTokens',
	'providerAllowFallbacks',
	'providerDataCollection',
	'providerIgnore',
	'providerMaxCompletionPrice',
	'providerMaxPromptPrice',
	'providerOnly',
	'providerOrder',
	'providerQuantizations',
	'providerRequireParameters',
	'providerSort',
	'providerZdr',
	'reasoningEffort',
	'reasoningMaxTokens',
	'responseFormat',
	'jsonSchema',
	'retries',
	'seed',
	'stop',
	'temperature',
	'timeoutMs',
	'topP',
]);

function onlyRoutings(property: INodeProperties): INodeProperties {
	if (property.name === 'routing') {
		return {
			...property,
			options: property.options?.filter(
				(option) => 'value' in option && ROUTINGS.includes(String(option.value)),
			),
		};
	}
	const shownFor = property.displayOptions?.show?.routing;
	if (!shownFor) return property;
	return {
		...property,
		displayOptions: {
			...property.displayOptions,
			show: {
				...property.displayOptions?.show,
				routing: shownFor.filter((routing) => ROUTINGS.includes(String(routing))),
			},
		},
	};
}

/**
 * Routed Chat's own parameter descriptions, narrowed to what one model call uses:
 * the same names, so the same words mean the same thing in both nodes' workflow JSON.
 */
export const modelProperties: INodeProperties[] = [
	...routingProperties.map(onlyRoutings),
	...fallbackProperties,
	{
		...optionsProperty,
		options: optionsProperty.options?.filter((option) => CALL_OPTIONS.has(option.name)),
	},
];
