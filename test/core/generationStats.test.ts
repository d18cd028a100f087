import {
	ExecutionBudget,
	type ItemOutcome,
	routeCascade,
	routeChat,
	type RouteContext,
	RouteError,
	streamChat,
	type RoutePlan,
	summarizeCosts,
} from '../../nodes/RoutedChat/core';
import { loopbackChatClient } from '../transport/loopbackClient';
import { fakeClock, gatewayFixture, plan } from './support';
import { pricedModel } from '../mock-gateway/jestFixture';
import { generationLookups } from '../mock-gateway/receivedRequests';
import type { GenerationBehaviour } from '../mock-gateway';

const MODEL = 'vendor-a/model-a';
const CACHED = 'anthropic/claude-cached';
// 'Say hello to the routing core' is 29 characters: 8 prompt tokens at the mock's 4 per token.
// At $1 / $2 per million with 10 completion tokens: 8 × $0.000001 + 10 × $0.000002 = $0.000028.
const ANSWER_USD = 0.000028;

describe('Generation Stats (GET /generation after each answer)', () => {
	const fixture = gatewayFixture([
		// No `usage.cost` in the answer, so only the stats can give the gateway's figure.
		pricedModel(MODEL, { completionTokens: 10, reportCost: false }),
		pricedModel(CACHED, {
			pricing: { prompt: '0.000004', completion: '0.000008' },
			completionTokens: 10,
		}),
	]);
	const withStats = (models: string[], overrides: Partial<RoutePlan> = {}) =>
		plan(models, { generationStats: true, ...overrides });
	const context = (extra: Partial<RouteContext> = {}) => ({
		client: fixture.client,
		...extra,
		clock: fakeClock(),
	});
	const stats = (behaviour: GenerationBehaviour) =>
		fixture.gateway.setModel(
			pricedModel(MODEL, { completionTokens: 10, reportCost: false, generationStats: behaviour }),
		);

	it('uses the stats: cost.source generation, the billed cost and the native token counts', async () => {
		const result = await routeChat(withStats([MODEL]), context());

		expect(result.cost).toEqual({ totalUsd: ANSWER_USD, source: 'generation' });
		expect(result.costNanoUsd).toBe(28_000);
		expect(result.usage).toEqual({
			promptTokens: 8,
			completionTokens: 10,
			totalTokens: 18,
			cachedTokens: 0,
			cacheWriteTokens: 0,
			reasoningTokens: 0,
			nativePromptTokens: 8,
			nativeCompletionTokens: 10,
			nativeReasoningTokens: 0,
			nativeCachedTokens: 0,
		});
		expect(result.attempts[0]).toMatchObject({ costUsd: ANSWER_USD, outcome: 'success' });
		const lookup = fixture.gateway.requests.at(-1);
		expect(lookup?.method).toBe('GET');
		expect(lookup?.path).toBe('/generation');
		expect(lookup?.headers.authorization).toBe(`Bearer ${fixture.gateway.apiKey}`);
	});

	it('loads no published prices when the stats carry the cost', async () => {
		const prices = jest.fn(async () => undefined);
		const result = await routeChat(withStats([MODEL]), context({ prices }));

		expect(result.cost.source).toBe('generation');
		expect(prices).not.toHaveBeenCalled();
	});

	it('looks a streamed answer up by the id its chunks carried', async () => {
		const deltas: unknown[] = [];
		const result = await streamChat(withStats([MODEL]), context(), (delta) => deltas.push(delta));

		expect(deltas.length).toBeGreaterThan(0);
		expect(fixture.gateway.requests.at(-1)?.path).toBe('/generation');
		expect(result.cost).toEqual({ totalUsd: ANSWER_USD, source: 'generation' });
	});

	it('asks nothing more and keeps the answer’s figure when the option is off', async () => {
		const result = await routeChat(plan([MODEL]), context());

		expect(generationLookups(fixture.gateway)).toHaveLength(0);
		// Without the stats and without published prices, this answer's cost is not known.
		expect(result.cost).toEqual({ totalUsd: null, source: 'unknown' });
		expect(result.usage).not.toHaveProperty('nativePromptTokens');
	});

	it('waits 250 then 500 ms on the injected clock while the stats lag, then uses them', async () => {
		stats({ lag: 2 });
		const run = context();
		const result = await routeChat(withStats([MODEL]), run);

		expect(run.clock.sleeps).toEqual([250, 500]);
		expect(generationLookups(fixture.gateway)).toHaveLength(3);
		expect(result.cost).toEqual({ totalUsd: ANSWER_USD, source: 'generation' });
		expect(result.latencyMs).toBe(750);
	});

	it('gives up after four lookups (1.75 s of waits) and keeps the answer, with the reason noted', async () => {
		stats({ lag: 10 });
		const run = context();
		const result = await routeChat(withStats([MODEL]), run);

		expect(run.clock.sleeps).toEqual([250, 500, 1000]);
		expect(generationLookups(fixture.gateway)).toHaveLength(4);
		expect(result.content).toContain('answered');
		expect(result.cost).toEqual({
			totalUsd: null,
			source: 'unknown',
			generationError: 'Generation stats not read: 404 Generation not found (4 lookups)',
		});
		expect(result.usage).not.toHaveProperty('nativePromptTokens');
	});

	it('asks again after a server error, but not after a refusal', async () => {
		stats({ fault: { status: 503 } });
		const transient = context();
		const retried = await routeChat(withStats([MODEL]), transient);
		expect(transient.clock.sleeps).toEqual([250, 500, 1000]);

		fixture.gateway.reset();
		stats({ fault: { status: 403, message: 'Not your generation' } });
		const refused = context();
		const once = await routeChat(withStats([MODEL]), refused);

		expect(refused.clock.sleeps).toEqual([]);
		expect(generationLookups(fixture.gateway)).toHaveLength(1);
		expect(retried.cost.generationError).toMatch(
			/^Generation stats not read: 503 .*\(4 lookups\)$/,
		);
		expect(once.cost.generationError).toBe(
			'Generation stats not read: 403 Not your generation (1 lookup)',
		);
	});

	it('never waits past the item deadline for the stats', async () => {
		stats({ lag: 10 });
		const run = context();
		const result = await routeChat(
			withStats([MODEL], { policy: { ...plan([]).policy, deadlineMs: 600 } }),
			run,
		);

		// 250 ms fits the 600 ms left; 500 more would not (350 left), so the lookups stop there.
		expect(run.clock.sleeps).toEqual([250]);
		expect(result.cost.generationError).toMatch(/\(2 lookups\)$/);
	});

	it('an item stopped while it waits for the stats is stopped, not served: its answer stays in its ledger', async () => {
		const stop = new AbortController();
		// The run stops (cancelled, or another item failed) while the gateway holds the stats.
		fixture.gateway.setModel(
			pricedModel(MODEL, {
				completionTokens: 10,
				generationStats: { hold: async () => stop.abort() },
			}),
		);
		const routed = routeChat(withStats([MODEL]), context({ signal: stop.signal }));

		await expect(routed).rejects.toThrow(RouteError);
		await expect(routed).rejects.toMatchObject({
			reason: 'aborted',
			message: 'Cancelled',
			// The answer's own usage.cost: the stats were never read.
			spent: { nanoUsd: 28_000, source: 'gateway' },
			attempts: [{ model: MODEL, outcome: 'success', costUsd: ANSWER_USD }],
		});
	});

	it('falls back to the answer’s own figure when the stats carry no total_cost', async () => {
		fixture.gateway.setModel(
			pricedModel(CACHED, {
				pricing: { prompt: '0.000004', completion: '0.000008' },
				completionTokens: 10,
				generationStats: { omitTotalCost: true },
			}),
		);
		const result = await routeChat(withStats([CACHED]), context());

		// 8 × $0.000004 + 10 × $0.000008 = $0.000112, from the answer's usage.cost.
		expect(result.cost).toEqual({
			totalUsd: 0.000112,
			source: 'gateway',
			generationError: 'Generation stats carried no total_cost',
		});
	});

	it('asks a gateway that is not OpenRouter nothing, and says why', async () => {
		const result = await routeChat(
			withStats([MODEL]),
			context({ client: loopbackChatClient(fixture.gateway, false) }),
		);

		expect(generationLookups(fixture.gateway)).toHaveLength(0);
		expect(result.cost.generationError).toBe(
			'Generation stats not read: the gateway keeps no generation stats (OpenRouter only)',
		);
	});

	it('adds a BYOK provider’s charge to OpenRouter’s fee, as for an answer’s usage.cost', async () => {
		fixture.gateway.setModel(
			pricedModel(MODEL, { completionTokens: 10, reportCost: false, byok: true }),
		);
		const result = await routeChat(withStats([MODEL]), context());

		// The provider bills the key $0.000028; OpenRouter's fee is 5% of it, $0.0000014.
		expect(result.cost).toEqual({
			totalUsd: 0.0000294,
			source: 'generation',
			upstreamUsd: ANSWER_USD,
		});
	});

	describe('prompt caching', () => {
		// 120 characters: 30 prompt tokens, the cached prefix; 'Hi' adds 1 more.
		const system = 'You triage support tickets. '.repeat(5).slice(0, 120);
		const messages: RoutePlan['messages'] = [
			{ role: 'system', content: system, cache: {} },
			{ role: 'user', content: 'Hi' },
		];

		it('reports the cache discount; a cascade and the cost summary total it and reconcile', async () => {
			const run = context();
			// At $4 per million prompt tokens the mock bills a cache write at 1.25× and a read at 0.1×:
			// the write costs 30 × $0.000001 more (discount −$0.00003); the read saves 30 × $0.0000036 ($0.000108).
			const write = await routeChat(withStats([CACHED], { messages }), run);
			const read = await routeChat(withStats([CACHED], { messages }), run);
			// A cascade whose cheap answer is too short: two more reads of the same prefix, both paid.
			const escalated = await routeCascade(
				{
					cheap: withStats([CACHED], { messages, tier: 'cheap' }),
					strong: withStats([CACHED], { messages, tier: 'strong' }),
					checks: { minLength: 1_000 },
					repair: false,
				},
				run,
			);

			expect(write.cost.cacheDiscountUsd).toBe(-0.00003);
			expect(read.cost.cacheDiscountUsd).toBe(0.000108);
			expect(escalated.cost.cacheDiscountUsd).toBe(0.000216);
			expect(escalated.cost.source).toBe('generation');
			// The README's example figures for a repeat that read the cached prefix.
			expect(read.usage).toMatchObject({
				promptTokens: 31,
				cachedTokens: 30,
				nativePromptTokens: 31,
				nativeCachedTokens: 30,
			});
			expect(read.cost).toMatchObject({ source: 'generation' });
			// 31 prompt tokens: $0.000124 + 10 × $0.000008, less the discount.
			expect(write.cost.totalUsd).toBe(0.000234);
			expect(read.cost.totalUsd).toBe(0.000096);
			expect(escalated.cost.totalUsd).toBe(0.000192);

			const outcomes: ItemOutcome[] = [{ result: write }, { result: read }, { result: escalated }];
			const summary = summarizeCosts(outcomes, [CACHED], undefined);
			expect(summary).toMatchObject({
				totalCostUsd: 0.000522,
				cachedTokens: 90,
				cacheWriteTokens: 30,
				cacheDiscountUsd: 0.000294,
				byModel: { [CACHED]: { calls: 4, costUsd: 0.000522, totalTokens: 164 } },
			});
		});

		it('settles the execution budget with the stats’ figure, not the worst case or the list price', async () => {
			fixture.gateway.setModel(
				pricedModel(CACHED, {
					pricing: { prompt: '0.000004', completion: '0.000008' },
					completionTokens: 10,
					reportCost: false,
				}),
			);
			const prices = new Map([
				[CACHED, { promptPicoUsd: 4_000_000, completionPicoUsd: 8_000_000 }],
			]);
			const budget = new ExecutionBudget(1);
			const run = context({ budget, prices: async () => prices });
			const capped = { messages, completion: { maxTokens: 100 } };

			await routeChat(withStats([CACHED], capped), run);
			const read = await routeChat(withStats([CACHED], capped), run);

			// The list price would be $0.000204 a call; the stats say $0.000234 (write) and $0.000096 (read).
			expect(read.cost).toMatchObject({ totalUsd: 0.000096, source: 'generation' });
			expect(budget.describe()).toBe(
				'Budget reached: this execution has spent $0.000330 of its $1 limit',
			);
		});
	});
});
