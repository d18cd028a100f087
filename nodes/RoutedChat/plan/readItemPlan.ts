import type { IExecuteFunctions } from 'n8n-workflow';

import type { FallbackMode, RoutePlan, Tier } from '../core/types';
import { ParameterError } from './parameterError';
import { buildChain, readModelId, readModelList } from './readModelList';
import { promptMessages, readMessages } from './readMessages';
import { completionOptions, readOptions, retryPolicy } from './readOptions';

const TIERS: readonly Tier[] = ['cheap', 'strong'];

/** Parameters → plan for one item, expressions resolved against that item. */
export function readItemPlan(context: IExecuteFunctions, itemIndex: number): RoutePlan {
	const parameter = (name: string, fallback?: unknown) => context.getNodeParameter(name, itemIndex, fallback);
	const options = readOptions(parameter('options', {}));
	const messages =
		parameter('inputMode', 'prompt') === 'messages'
			? readMessages(parameter('messages'))
			: promptMessages(parameter('systemMessage', ''), parameter('prompt', ''));

	const routing = parameter('routing', 'pinned');
	let tier: Tier | undefined;
	let primary: string[];
	if (routing === 'tier') {
		tier = readTier(parameter('tier', 'cheap'));
		const listName = tier === 'cheap' ? 'cheapModels' : 'strongModels';
		primary = readModelList(parameter(listName, ''), listName);
		if (primary.length === 0) {
			throw new ParameterError(listName, `The ${tier} tier has no models`, `Add model IDs to ${tier === 'cheap' ? 'Cheap' : 'Strong'} Models`);
		}
	} else {
		primary = [readModelId(context.getNodeParameter('model', itemIndex, '', { extractValue: true }), 'model')];
	}
	const models = buildChain(primary, readModelList(parameter('fallbackModels', ''), 'fallbackModels'));

	return {
		models,
		tier,
		fallbackMode: parameter('fallbackMode', 'both') as FallbackMode,
		messages,
		completion: completionOptions(options),
		policy: retryPolicy(options),
		drillFailures: readDrill(options.fallbackDrill, models.length),
		includeRaw: options.includeRaw,
	};
}

function readTier(value: unknown): Tier {
	const tier = typeof value === 'string' ? value.trim().toLowerCase() : value;
	if (TIERS.includes(tier as Tier)) return tier as Tier;
	throw new ParameterError('tier', `Tier is "${String(value)}"`, 'An expression for Tier must give "cheap" or "strong"');
}

function readDrill(drill: number | undefined, chainLength: number): number | undefined {
	if (!drill) return undefined;
	if (drill >= chainLength) {
		throw new ParameterError(
			'options.fallbackDrill',
			`Fallback Drill fails ${drill} models but the chain has only ${chainLength}`,
			'Leave at least one model to serve: add fallback models or lower the drill',
		);
	}
	return drill;
}
