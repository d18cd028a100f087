import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';

import {
	type Execution,
	failureMessage,
	type Json,
	outputItems,
	pairedIndex,
	succeeded,
} from '../../scripts/n8n/execution';
import type { RecordedChatRequest } from '../mock-gateway/types';
import type { Check } from './check';
import { expectedCostUsd, type Pricing } from './mockPricing';
import {
	AUTO,
	AUTO_PICKS,
	CACHER,
	HOSTILE_JSON,
	NITRO,
	PLAIN,
	PLAIN_PROVIDER,
	PRESET,
	PRESET_SERVES,
	THINKER,
	THOUGHT_TOKENS,
	THOUGHTS,
} from './routingSurfaceGateway';

export interface RoutingSurfaceRun {
	execution: Execution;
	/** What the in-process gateway received (routingSurfaceGateway.ts). */
	requests: RecordedChatRequest[];
	pricing: Map<string, Pricing>;
}

/** The workflow's 400-character system message: 100 prompt tokens at the mock's 4 characters a token. */
const SYSTEM_TOKENS = 100;
/** The workflow's Reasoning Max Tokens, and its Max Tokens where reasoning uses them up. */
const REASONING_BUDGET = 20;
const CUT_AT = 10;

/** One item per input: the Code node's order of model ids in "A variant, a preset and auto". */
const VARIANT_INPUTS = [NITRO, PRESET, AUTO];

/**
 * test/e2e/routing-surface.json, against the gateway of routingSurfaceGateway.ts: Reasoning Max
 * Tokens, Exclude Reasoning and reasoning that uses up Max Tokens; Cache Control on a system
 * message sent twice; provider Only / Ignore / Quantizations / Require Parameters; a `:nitro`
 * variant, a preset and `openrouter/auto`; a JSON Schema `pattern` on an answer that would make
 * RegExp backtrack for ages (the shipped bundle's validator matches without backtracking).
 */
export function routingSurfaceChecks({ execution, requests, pricing }: RoutingSurfaceRun): Check[] {
	const itemsOf = (node: string, count: number, output = 0): Json[] => {
		assert.ok(succeeded(execution), failureMessage(execution));
		const items = outputItems(execution, node, output);
		assert.equal(items.length, count, `"${node}" output ${output}: ${count} item(s)`);
		return [...items]
			.sort((a, b) => (pairedIndex(a)?.item ?? -1) - (pairedIndex(b)?.item ?? -1))
			.map((item) => item.json);
	};
	const sentTo = (model: string) =>
		requests.filter((request) => (request.body.models ?? [request.body.model])[0] === model);
	const reasoningSent = () => sentTo(THINKER).map((request) => request.body.reasoning);
	return [
		{
			name: 'Reasoning Max Tokens: sent as reasoning.max_tokens; the item has the reasoning text and usage.reasoningTokens',
			run: () => {
				const [item] = itemsOf('Reasoning budget', 1);
				assert.ok(
					reasoningSent().some((sent) => isDeepStrictEqual(sent, { max_tokens: REASONING_BUDGET })),
					`reasoning objects sent: ${JSON.stringify(reasoningSent())}`,
				);
				assert.equal(item.reasoning, THOUGHTS);
				assert.equal((item.usage as Json).reasoningTokens, REASONING_BUDGET);
			},
		},
		{
			name: 'Exclude Reasoning: sent as reasoning.exclude; no reasoning text, its tokens still counted',
			run: () => {
				const [item] = itemsOf('Reasoning excluded', 1);
				assert.ok(
					reasoningSent().some((sent) => isDeepStrictEqual(sent, { effort: 'low', exclude: true })),
					`reasoning objects sent: ${JSON.stringify(reasoningSent())}`,
				);
				assert.equal('reasoning' in item, false, `reasoning: ${String(item.reasoning)}`);
				assert.equal((item.usage as Json).reasoningTokens, THOUGHT_TOKENS);
			},
		},
		{
			name: 'Reasoning that uses up Max Tokens: the item fails as empty_response (error output), after one call',
			run: () => {
				itemsOf('Reasoning uses up Max Tokens', 0);
				const [failed] = itemsOf('Reasoning uses up Max Tokens', 1, 1);
				assert.match(String(failed.error), /^Item 0: /);
				assert.ok(
					String(failed.error).includes(
						`Empty response: the model used all of Max Tokens (${CUT_AT} of them on reasoning) before it answered. Raise Max Tokens`,
					),
					String(failed.error),
				);
				const attempts = (failed.details as Json).attempts as Json[];
				assert.deepEqual(
					attempts.map((attempt) => [attempt.model, attempt.kind]),
					[[THINKER, 'empty_response']],
				);
				const cut = sentTo(THINKER).filter((request) => request.body.max_tokens === CUT_AT);
				assert.equal(cut.length, 1, 'one request with Max Tokens 10: not retried');
			},
		},
		{
			name: 'JSON Schema pattern: an answer that would make RegExp backtrack for ages is refused at once as not matching',
			run: () => {
				itemsOf('Schema pattern on a hostile answer', 0);
				const [failed] = itemsOf('Schema pattern on a hostile answer', 1, 1);
				assert.ok(
					String(failed.error).includes(
						'The answer does not match the JSON schema: #/code: String does not match pattern.',
					),
					String(failed.error),
				);
				assert.equal(sentTo(HOSTILE_JSON).length, 1, 'one request: not retried');
			},
		},
		{
			name: 'Cache Control: the system message carries cache_control; the first call writes the cache, the repeat reads it',
			run: () => {
				const [first, second] = itemsOf('Cached system prompt', 2);
				const sent = sentTo(CACHER);
				assert.equal(sent.length, 2, 'two requests');
				for (const request of sent) {
					const [system] = request.body.messages;
					assert.equal(system.role, 'system');
					const [part] = system.content as Json[];
					assert.deepEqual(part.cache_control, { type: 'ephemeral' });
				}
				assert.equal((first.usage as Json).cacheWriteTokens, SYSTEM_TOKENS, 'first: written');
				assert.equal((first.usage as Json).cachedTokens, 0, 'first: nothing read');
				assert.equal((second.usage as Json).cachedTokens, SYSTEM_TOKENS, 'second: read');
				assert.equal((second.usage as Json).cacheWriteTokens, 0, 'second: nothing written');
			},
		},
		{
			name: "Provider preferences: Only, Ignore, Quantizations and Require Parameters reach the gateway as OpenRouter's provider object; the item is served",
			run: () => {
				const [item] = itemsOf('Provider preferences', 1);
				const sent = sentTo(PLAIN);
				assert.equal(sent.length, 1);
				assert.deepEqual(sent[0].body.provider, {
					only: ['DeepInfra', 'Together'],
					ignore: ['Azure'],
					quantizations: ['fp8', 'bf16'],
					require_parameters: true,
				});
				assert.equal(item.model, PLAIN);
				assert.equal(item.provider, PLAIN_PROVIDER);
				assert.ok(String(item.content).length > 0, 'content');
			},
		},
		{
			name: 'Variants and presets: a :nitro model and @preset/<slug> are sent and kept as requestedModel as written; model is what answered',
			run: () => {
				const [nitro, preset] = itemsOf('Variant, preset and auto', VARIANT_INPUTS.length);
				assert.equal(sentTo(NITRO).length, 1, `one request for ${NITRO}`);
				assert.equal(sentTo(PRESET).length, 1, `one request for ${PRESET}`);
				assert.deepEqual([nitro.requestedModel, nitro.model], [NITRO, PLAIN]);
				assert.deepEqual([preset.requestedModel, preset.model], [PRESET, PRESET_SERVES]);
			},
		},
		{
			name: "openrouter/auto: the item names the model the gateway picked, and costs that model's published price × tokens",
			run: () => {
				const auto = itemsOf('Variant, preset and auto', VARIANT_INPUTS.length)[2];
				assert.equal(sentTo(AUTO).length, 1, `one request for ${AUTO}`);
				assert.deepEqual([auto.requestedModel, auto.model], [AUTO, AUTO_PICKS]);
				const price = pricing.get(AUTO_PICKS);
				assert.ok(price, `the gateway publishes no price for ${AUTO_PICKS}`);
				const usage = auto.usage as Record<string, number>;
				const cost = auto.cost as Json;
				assert.equal(cost.source, 'gateway');
				assert.equal(
					cost.totalUsd,
					expectedCostUsd(price, usage.promptTokens, usage.completionTokens),
				);
			},
		},
	];
}
