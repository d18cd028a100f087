import { z } from 'zod';

import { QUANTIZATIONS } from '../core';
import { numberValue } from './numberValue';

/**
 * A number, or a decimal number as text. Empty text or null (an expression that gave nothing) is
 * the option left unset; `true`, `[5]` or `"0x10"` are refused rather than read as 1, 5 or 16.
 */
const number = (label: string) =>
	z.preprocess(
		(value) => (value === '' || value === null ? undefined : (numberValue(value) ?? value)),
		z
			.number({ invalid_type_error: `${label} must be a number` })
			.refine(Number.isFinite, `${label} must be a number`)
			.optional(),
	);
/** Timers take at most 2^31 − 1 ms (about 24.8 days); a longer one would fire at once. */
const LONGEST_TIMER_MS = 2_147_483_647;
const whole = (label: string, min: number, max?: number) =>
	number(label).refine(
		(n) => n === undefined || (Number.isInteger(n) && n >= min && n <= (max ?? Infinity)),
		max === undefined
			? `${label} must be a whole number of at least ${min}`
			: `${label} must be a whole number from ${min} to ${max}`,
	);
const ranged = (label: string, min: number, max: number) =>
	number(label).refine(
		(n) => n === undefined || (n >= min && n <= max),
		`${label} must be between ${min} and ${max}`,
	);
const nonNegative = (label: string) =>
	number(label).refine((n) => n === undefined || n >= 0, `${label} must be 0 or more`);

/**
 * A multi-option: an array of its values, or, as an expression may give it, the values as text
 * separated by commas (n8n's editor splits such text so when the expression is removed).
 */
const multiOption = <T extends Readonly<[string, ...string[]]>>(values: T) =>
	z.preprocess(
		(value) =>
			typeof value === 'string'
				? value
						.split(',')
						.map((part) => part.trim())
						.filter(Boolean)
				: value,
		z.array(z.enum(values)),
	);

/** Options that apply to the whole run, read once (see readRunOptions). */
export const runOptionsSchema = z.object({
	concurrency: whole('Concurrency', 1, 100).optional(),
	costSummary: z.boolean().optional(),
	maxCostPerExecutionUsd: nonNegative('Max Cost per Execution').optional(),
	streamResponse: z.boolean().optional(),
});

export type RunOptions = z.infer<typeof runOptionsSchema>;

/** The rest of the `options` collection, read per item with expressions resolved against it. */
export const optionsSchema = z.object({
	cacheControl: z.enum(['', 'system', 'message']).optional(),
	cacheMessageIndex: whole('Cache Message Index', 0).optional(),
	cacheTtl: z.enum(['5m', '1h']).optional(),
	deadlineMs: whole('Item Deadline', 0, LONGEST_TIMER_MS).optional(),
	fallbackDrill: whole('Fallback Drill', 0).optional(),
	generationStats: z.boolean().optional(),
	includeRaw: z.boolean().optional(),
	jsonSchema: z.union([z.string(), z.record(z.unknown())]).optional(),
	maxCostPerItemUsd: nonNegative('Max Cost per Item').optional(),
	maxTokens: whole('Max Tokens', 1).optional(),
	providerAllowFallbacks: z.boolean().optional(),
	providerDataCollection: z.enum(['allow', 'deny']).optional(),
	providerMaxCompletionPrice: nonNegative('Max Completion Price').optional(),
	providerMaxPromptPrice: nonNegative('Max Prompt Price').optional(),
	providerOrder: z.string().optional(),
	providerOnly: z.string().optional(),
	providerIgnore: z.string().optional(),
	providerQuantizations: multiOption(QUANTIZATIONS).optional(),
	providerRequireParameters: z.boolean().optional(),
	providerSort: z.enum(['', 'price', 'throughput', 'latency']).optional(),
	providerZdr: z.boolean().optional(),
	reasoningEffort: z.enum(['', 'minimal', 'low', 'medium', 'high']).optional(),
	reasoningMaxTokens: whole('Reasoning Max Tokens', 1).optional(),
	excludeReasoning: z.boolean().optional(),
	responseFormat: z.enum(['text', 'json_object', 'json_schema']).optional(),
	retries: whole('Retries per Model', 0, 10).optional(),
	seed: whole('Seed', 0).optional(),
	stop: z.string().optional(),
	temperature: ranged('Temperature', 0, 2).optional(),
	timeoutMs: whole('Timeout per Attempt', 1, LONGEST_TIMER_MS).optional(),
	topP: ranged('Top P', 0, 1).optional(),
	/** Checked field by field in readTools, so an error names the tool and its field. */
	toolsJson: z.unknown().optional(),
	toolChoice: z.enum(['auto', 'none', 'required', 'function']).optional(),
	toolChoiceName: z.string().optional(),
});

export type NodeOptions = z.infer<typeof optionsSchema>;
