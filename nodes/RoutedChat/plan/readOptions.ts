import {
	type CompletionOptions,
	type ProviderPreferences,
	type ResponseFormat,
	type RetryPolicy,
} from '../core';
import type { z } from 'zod';

import { type NodeOptions, optionsSchema } from './optionsSchema';
import { ParameterError } from './parameterError';
import { readJsonSchema } from './readJsonSchema';
import { readTools } from './readTools';
import { meetsStrictMode } from './strictSchema';

/** OpenRouter accepted at most this many ids in `models` when last documented with a cap. */
const GATEWAY_MODELS_CAP = 3;

export function readOptions(value: unknown): NodeOptions {
	return parseOptions(optionsSchema, value);
}

/** Parses options with a schema, or a ParameterError naming the first bad one. */
export function parseOptions<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
	const parsed = schema.safeParse(value ?? {});
	if (parsed.success) return parsed.data as z.infer<T>;
	const issue = parsed.error.issues[0];
	const name = issue.path.join('.');
	throw new ParameterError(
		`options.${name}`,
		issue.message.startsWith('Invalid') ? `${name}: ${issue.message}` : issue.message,
	);
}

export function completionOptions(options: NodeOptions): CompletionOptions {
	return {
		temperature: options.temperature,
		maxTokens: options.maxTokens,
		topP: options.topP,
		seed: options.seed,
		stop: splitList(options.stop),
		responseFormat: responseFormat(options),
		...reasoning(options),
		provider: providerPreferences(options),
		...readTools(options),
	};
}

export function retryPolicy(options: NodeOptions): RetryPolicy {
	return {
		retriesPerModel: options.retries ?? 1,
		baseDelayMs: 500,
		maxDelayMs: 8000,
		maxRetryAfterMs: 30000,
		attemptTimeoutMs: options.timeoutMs ?? 60000,
		deadlineMs: options.deadlineMs || undefined,
		gatewayModelsCap: GATEWAY_MODELS_CAP,
	};
}

/** OpenRouter takes an effort or a token budget for reasoning, not both. */
function reasoning(
	options: NodeOptions,
): Pick<CompletionOptions, 'reasoningEffort' | 'reasoningMaxTokens' | 'excludeReasoning'> {
	const { reasoningEffort, reasoningMaxTokens, maxTokens } = options;
	if (reasoningEffort && reasoningMaxTokens !== undefined)
		throw new ParameterError(
			'options.reasoningMaxTokens',
			'Set Reasoning Effort or Reasoning Max Tokens, not both',
			'OpenRouter takes one of them: remove one from Options',
		);
	if (
		reasoningMaxTokens !== undefined &&
		maxTokens !== undefined &&
		reasoningMaxTokens >= maxTokens
	)
		throw new ParameterError(
			'options.reasoningMaxTokens',
			`Reasoning Max Tokens (${reasoningMaxTokens}) must be less than Max Tokens (${maxTokens})`,
			'Max Tokens counts the reasoning too: leave room for the answer',
		);
	return {
		reasoningEffort: reasoningEffort || undefined,
		reasoningMaxTokens,
		excludeReasoning: options.excludeReasoning || undefined,
	};
}

function responseFormat(options: NodeOptions): ResponseFormat | undefined {
	if (options.responseFormat !== 'json_schema')
		return options.responseFormat ? { type: options.responseFormat } : undefined;
	const { schema, check } = readJsonSchema(options.jsonSchema);
	return {
		type: 'json_schema',
		name: 'answer',
		schema,
		strict: meetsStrictMode(schema),
		validate: check,
	};
}

function providerPreferences(options: NodeOptions): ProviderPreferences | undefined {
	const preferences: ProviderPreferences = {};
	if (options.providerSort) preferences.sort = options.providerSort;
	const order = splitList(options.providerOrder);
	if (order) preferences.order = order;
	const only = splitList(options.providerOnly);
	if (only) preferences.only = only;
	const ignore = splitList(options.providerIgnore);
	if (ignore) preferences.ignore = ignore;
	if (options.providerQuantizations?.length)
		preferences.quantizations = options.providerQuantizations;
	if (options.providerRequireParameters) preferences.require_parameters = true;
	if (options.providerAllowFallbacks === false) preferences.allow_fallbacks = false;
	if (options.providerDataCollection === 'deny') preferences.data_collection = 'deny';
	if (options.providerZdr) preferences.zdr = true;
	if (options.providerMaxPromptPrice || options.providerMaxCompletionPrice) {
		preferences.max_price = {
			prompt: options.providerMaxPromptPrice || undefined,
			completion: options.providerMaxCompletionPrice || undefined,
		};
	}
	return Object.keys(preferences).length ? preferences : undefined;
}

function splitList(value: string | undefined): string[] | undefined {
	const items = value
		?.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
	return items?.length ? items : undefined;
}
