import type { IDataObject, IExecuteFunctions, IGetNodeParameterOptions } from 'n8n-workflow';

import {
	chooseRoute,
	estimatePromptTokens,
	type FallbackMode,
	type ItemPlan,
	neededModalities,
	type RoutePlan,
	type RuleTarget,
	type Tier,
} from '../core';
import { type NodeParameters, nodeParameters } from './nodeParameters';
import type { NodeOptions } from './optionsSchema';
import { markCacheControl } from './markCacheControl';
import { ParameterError } from './parameterError';
import { readAttachments, withAttachments } from './readAttachments';
import { readChoice } from './readChoice';
import { readCascadeChecks } from './readCascadeChecks';
import { buildChain, readModelId, readModelList } from './readModelList';
import { promptMessages, readMessages } from './readMessages';
import { completionOptions, readOptions, retryPolicy } from './readOptions';
import { readRules } from './readRules';

const TIERS: readonly Tier[] = ['cheap', 'strong'];
const TIER_LISTS: Record<Tier, { parameter: string; label: string }> = {
	cheap: { parameter: 'cheapModels', label: 'Cheap Models' },
	strong: { parameter: 'strongModels', label: 'Strong Models' },
};

const ROUTINGS = ['pinned', 'tier', 'rules', 'cascade'] as const;
const PINNED_OR_TIER = ['pinned', 'tier'] as const;
const INPUT_MODES = ['prompt', 'messages'] as const;
const FALLBACK_MODES: readonly FallbackMode[] = ['both', 'gateway', 'client'];

export function readFallbackMode(parameter: Parameter): FallbackMode {
	return readChoice(
		parameter('fallbackMode', 'both'),
		'fallbackMode',
		'Fallback Mode',
		FALLBACK_MODES,
	);
}

export type Parameter = (
	name: string,
	fallback?: unknown,
	options?: IGetNodeParameterOptions,
) => unknown;

/**
 * Parameters → plan for one item, expressions resolved against that item;
 * `parameters` (one per execution) reads constant parameters only once.
 * Attachments are read from the item's binary data here, so a bad one fails before any call.
 */
export async function readItemPlan(
	context: IExecuteFunctions,
	itemIndex: number,
	parameters: NodeParameters = nodeParameters(context),
): Promise<ItemPlan> {
	const parameter: Parameter = (name, fallback, options) =>
		parameters.value(name, itemIndex, fallback, options);
	const options = parameters.derived('options', itemIndex, {}, readOptions);
	const written =
		readChoice(parameter('inputMode', 'prompt'), 'inputMode', 'Input', INPUT_MODES) === 'messages'
			? parameters.derived('messages', itemIndex, undefined, readMessages)
			: promptMessages(parameter('systemMessage', ''), parameter('prompt', ''));
	const media = await readAttachments(context, itemIndex, parameter('attachments', ''));
	const messages = markCacheControl(withAttachments(written, media), options);
	const fallbacks = parameters.derived('fallbackModels', itemIndex, '', (value) =>
		readModelList(value, 'fallbackModels'),
	);
	const fallbackMode = readFallbackMode(parameter);
	const chainPlan = (primary: string[], tier?: Tier): RoutePlan => ({
		...routePlan(primary, fallbacks, tier, options, fallbackMode),
		messages,
	});

	switch (readChoice(parameter('routing', 'pinned'), 'routing', 'Routing', ROUTINGS)) {
		case 'rules': {
			const choice = chooseRoute(
				parameters.derived('rules', itemIndex, {}, readRules),
				{
					prompt: messages.map((message) => message.content).join('\n'),
					promptTokens: estimatePromptTokens(messages),
					item: context.getInputData()[itemIndex]?.json ?? ({} as IDataObject),
					media: neededModalities(messages),
				},
				{ tier: readTier(parameter('tier', 'cheap')) },
			);
			return {
				kind: 'chain',
				plan: chainPlan(...targetModels(parameter, choice.target)),
				route: choice.route,
			};
		}
		case 'cascade': {
			const { checks, repair } = parameters.derived(
				'cascadeChecks',
				itemIndex,
				{},
				readCascadeChecks,
			);
			const cheap = chainPlan(tierModels(parameter, 'cheap'), 'cheap');
			const strong = chainPlan(tierModels(parameter, 'strong'), 'strong');
			return { kind: 'cascade', plan: { cheap, strong, checks, repair }, route: 'cascade' };
		}
		default: {
			const { primary, tier, route } = pinnedOrTierModels(parameter);
			return { kind: 'chain', plan: chainPlan(primary, tier), route };
		}
	}
}

/** The chosen models when Routing is Pinned or Tier, the routes Routed Chat Model offers too. */
export function pinnedOrTierModels(parameter: Parameter): {
	primary: string[];
	tier?: Tier;
	route: 'pinned' | 'tier';
} {
	if (readChoice(parameter('routing', 'pinned'), 'routing', 'Routing', PINNED_OR_TIER) === 'tier') {
		const tier = readTier(parameter('tier', 'cheap'));
		return { primary: tierModels(parameter, tier), tier, route: 'tier' };
	}
	const model = readModelId(parameter('model', '', { extractValue: true }), 'model');
	return { primary: [model], route: 'pinned' };
}

/** A chain and everything sent with it, except the messages (Routed Chat Model gets those per call). */
export function routePlan(
	primary: string[],
	fallbacks: string[],
	tier: Tier | undefined,
	options: NodeOptions,
	fallbackMode: FallbackMode,
): Omit<RoutePlan, 'messages'> {
	const models = buildChain(primary, fallbacks);
	if (options.maxCostPerItemUsd !== undefined && options.maxTokens === undefined) {
		throw new ParameterError(
			'options.maxCostPerItemUsd',
			'Max Cost per Item needs Max Tokens to bound the worst case',
			'Add Max Tokens in Options as well',
		);
	}
	return {
		models,
		tier,
		fallbackMode,
		completion: completionOptions(options),
		policy: retryPolicy(options),
		drillFailures: readDrill(options.fallbackDrill, models.length),
		maxCostUsd: options.maxCostPerItemUsd,
		includeRaw: options.includeRaw,
		generationStats: options.generationStats || undefined,
	};
}

function targetModels(parameter: Parameter, target: RuleTarget): [string[], Tier?] {
	return 'model' in target ? [[target.model]] : [tierModels(parameter, target.tier), target.tier];
}

function tierModels(parameter: Parameter, tier: Tier): string[] {
	const list = TIER_LISTS[tier];
	const models = readModelList(parameter(list.parameter, ''), list.parameter);
	if (models.length === 0)
		throw new ParameterError(
			list.parameter,
			`The ${tier} tier has no models`,
			`Add model IDs to ${list.label}`,
		);
	return models;
}

function readTier(value: unknown): Tier {
	const tier = typeof value === 'string' ? value.trim().toLowerCase() : value;
	if (TIERS.includes(tier as Tier)) return tier as Tier;
	throw new ParameterError(
		'tier',
		`Tier is "${String(value)}"`,
		'An expression for Tier must give "cheap" or "strong"',
	);
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
