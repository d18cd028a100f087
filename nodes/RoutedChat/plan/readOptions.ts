import {
	attempt,
	type CompletionOptions,
	type ProviderPreferences,
	type ResponseFormat,
	type RetryPolicy,
} from '../core';
import { type NodeOptions, optionsSchema } from './optionsSchema';
import { compileJsonSchema } from './compileJsonSchema';
import { ParameterError } from './parameterError';

/** OpenRouter accepted at most this many ids in `models` when last documented with a cap. */
const GATEWAY_MODELS_CAP = 3;

export function readOptions(value: unknown): NodeOptions {
	const parsed = optionsSchema.safeParse(value ?? {});
	if (parsed.success) return parsed.data;
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
		reasoningEffort: options.reasoningEffort || undefined,
		provider: providerPreferences(options),
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

function responseFormat(options: NodeOptions): ResponseFormat | undefined {
	if (options.responseFormat !== 'json_schema')
		return options.responseFormat ? { type: options.responseFormat } : undefined;
	const schema = readJsonSchema(options.jsonSchema);
	return {
		type: 'json_schema',
		name: 'answer',
		schema,
		strict: true,
		validate: compileJsonSchema(schema),
	};
}

function readJsonSchema(value: NodeOptions['jsonSchema']): Record<string, unknown> {
	const hint =
		'Paste a JSON Schema object in Options → JSON Schema, e.g. {"type": "object", "properties": {…}}';
	if (value === undefined)
		throw new ParameterError(
			'options.jsonSchema',
			'Response Format is JSON Schema but no schema is set',
			hint,
		);
	const parsed =
		typeof value === 'string'
			? attempt(() => JSON.parse(value) as unknown)
			: { ok: true as const, value };
	if (!parsed.ok)
		throw new ParameterError('options.jsonSchema', 'The JSON Schema is not valid JSON', hint);
	const schema = parsed.value;
	if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
		throw new ParameterError('options.jsonSchema', 'The JSON Schema must be a JSON object', hint);
	}
	return schema as Record<string, unknown>;
}

function providerPreferences(options: NodeOptions): ProviderPreferences | undefined {
	const preferences: ProviderPreferences = {};
	if (options.providerSort) preferences.sort = options.providerSort;
	const order = splitList(options.providerOrder);
	if (order) preferences.order = order;
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
