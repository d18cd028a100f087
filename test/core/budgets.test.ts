import {
	type CascadePlan,
	ExecutionBudget,
	mapWithConcurrency,
	PricingCache,
	type RouteContext,
	RouteError,
	routeCascade,
	routeChat,
} from '../../nodes/RoutedChat/core';
import { fakeClock, gatewayFixture, plan, noRetries } from './support';
import { chargedUsd, pricedModel, requestedModels } from '../mock-gateway/jestFixture';
import { waitForChatRequests } from '../mock-gateway/receivedRequests';

// $1 / $2 per million prompt / completion tokens; the gateway reports no cost, so budgets go by published prices.
const A = 'vendor-a/model-a';
const B = 'vendor-b/model-b';
const UNPRICED = 'vendor-u/unpriced';
const DOCS = 'vendor-d/docs';

// The prompt 'Say hello to the routing core' is 29 characters: the gateway counts 8 tokens, and a
// cap bounds it at one token a byte plus 4 for its message and 4 for the reply: 37. With Max Tokens
// 100 a call's worst case is 37 × 1,000 + 100 × 2,000 = 237,000 nano-dollars at list prices, plus
// the 5% OpenRouter adds to a call made with the user's own provider key: 248,850.
const json = { responseFormat: { type: 'json_object' as const }, maxTokens: 100 };

describe('budgets, with a gateway that reports no cost', () => {
	const fixture = gatewayFixture([
		pricedModel(A, { reportCost: false }),
		pricedModel(B, { reportCost: false }),
		pricedModel(UNPRICED, { reportCost: false }),
		pricedModel(DOCS, { reportCost: false, inputModalities: ['text', 'file'] }),
	]);
	const context = (extra: Partial<RouteContext> = {}): RouteContext => {
		const cache = new PricingCache(60_000);
		return {
			client: fixture.client,
			clock: fakeClock(),
			prices: async () => {
				const book = await cache.get('mock', 0, () =>
					fixture.client.listModels({ timeoutMs: 5_000 }),
				);
				// The unpriced model has no published price, as some gateways list them.
				return book && new Map([...book].filter(([id]) => id !== UNPRICED));
			},
			...extra,
		};
	};

	describe('Max Cost per Item', () => {
		it('bounds the sum of the item calls: a fallback that would take it over is skipped', async () => {
			// A answers 'not json': 8 prompt + 2 completion tokens = 12,000 nano, paid and rejected.
			fixture.gateway.setModel(pricedModel(A, { reportCost: false, reply: 'not json' }));
			const error = await routeChat(
				plan([A, B], { completion: json, policy: noRetries, maxCostUsd: 0.000255 }),
				context(),
			).catch((e) => e);

			// A's 248,850 worst case fits; 12,000 spent + B's 248,850 worst case = 260,850 > 255,000.
			expect(error).toBeInstanceOf(RouteError);
			expect(error.attempts).toEqual([
				expect.objectContaining({ model: A, kind: 'invalid_output', costUsd: 0.000012 }),
				expect.objectContaining({ model: B, outcome: 'skipped', skipped: 'over budget' }),
			]);
			expect(requestedModels(fixture.gateway)).toEqual([[A]]);
			expect(error.spent).toEqual({ nanoUsd: 12_000, source: 'estimate' });
		});

		it('bounds a cascade: cheap, repair and strong calls together', async () => {
			fixture.gateway.setModel(pricedModel(A, { reportCost: false, reply: 'short' }));
			const cascade: CascadePlan = {
				cheap: plan([A], {
					completion: { maxTokens: 100 },
					policy: noRetries,
					maxCostUsd: 0.00048,
				}),
				strong: plan([B], {
					completion: { maxTokens: 200 },
					policy: noRetries,
					maxCostUsd: 0.00048,
				}),
				checks: { minLength: 50 },
				repair: true,
			};
			const error = await routeCascade(cascade, context()).catch((e) => e);

			// cheap 'short': 8 + 2 tokens = 12,000. The repair prompt is 29 + 5 + 156 characters in three
			// messages, bounded at 190 + 4 × 4 = 206 tokens: worst case (206,000 + 200,000) × 1.05 =
			// 426,300, and 12,000 + 426,300 fits 480,000; the gateway counts 48 + 2 tokens: 52,000. The
			// strong call's worst case, (37,000 + 400,000) × 1.05 = 458,850, on top of the 64,000 spent
			// does not fit.
			expect(error).toBeInstanceOf(RouteError);
			expect(
				error.attempts.map((a: { stage: string; skipped?: string }) => [a.stage, a.skipped]),
			).toEqual([
				['cheap', undefined],
				['repair', undefined],
				['strong', 'over budget'],
			]);
			expect(requestedModels(fixture.gateway)).toEqual([[A], [A]]);
			expect(error.spent).toEqual({ nanoUsd: 64_000, source: 'estimate' });
		});

		it('makes no retry the cap has no room for after a call charged at its worst case', async () => {
			// A timed-out call is charged its 248,850 worst case; a retry would take the item to 497,700.
			fixture.gateway.setModel(pricedModel(A, { reportCost: false, down: { kind: 'hang' } }));
			const routing = routeChat(
				plan([A, B], {
					completion: { maxTokens: 100 },
					policy: { ...plan([]).policy, retriesPerModel: 1 },
					maxCostUsd: 0.0003,
				}),
				context(),
			).catch((e) => e);
			await waitForChatRequests(fixture.gateway, 1);
			fixture.timeouts.expire();
			const error = await routing;
			expect(error.attempts).toEqual([
				expect.objectContaining({ model: A, kind: 'timeout' }),
				expect.objectContaining({ model: B, skipped: 'over budget' }),
			]);
			expect(requestedModels(fixture.gateway)).toEqual([[A]]);
		});

		// Tools and earlier tool calls go with the prompt and are billed as prompt tokens: over 1,000 here.
		const long = 'x'.repeat(4000);
		it.each([
			[
				'the offered tools',
				{
					completion: {
						maxTokens: 100,
						tools: [{ name: 'lookup', description: long, parameters: { type: 'object' } }],
					},
				},
			],
			[
				'an earlier tool call',
				{
					completion: { maxTokens: 100 },
					messages: [
						{ role: 'user' as const, content: 'Look it up' },
						{
							role: 'assistant' as const,
							content: '',
							toolCalls: [{ id: 'call_1', name: 'lookup', arguments: JSON.stringify({ q: long }) }],
						},
						{ role: 'tool' as const, toolCallId: 'call_1', content: 'found' },
					],
				},
			],
		])(
			'counts %s in the worst case: a call it would take over the cap is not made',
			async (_, parts) => {
				const error = await routeChat(
					plan([A], { ...parts, policy: noRetries, maxCostUsd: 0.0005 }),
					context(),
				).catch((e) => e);

				// Without them the worst case would be 248,850 nano-dollars, under the 500,000 cap.
				expect(error).toBeInstanceOf(RouteError);
				expect(error.attempts).toEqual([
					expect.objectContaining({ model: A, outcome: 'skipped', skipped: 'over budget' }),
				]);
				expect(requestedModels(fixture.gateway)).toEqual([]);
			},
		);

		// A PDF the gateway fetches has no size to go by: only the context length (128,000) bounds its tokens.
		const byUrl = {
			messages: [
				{
					role: 'user' as const,
					content: 'Sum it up',
					parts: [
						{ type: 'text' as const, text: 'Sum it up' },
						{
							type: 'file' as const,
							filename: 'report.pdf',
							url: 'https://example.com/report.pdf',
						},
					],
				},
			],
			completion: { maxTokens: 100 },
			policy: noRetries,
		};
		it('counts a PDF given by URL at the context length: a cap under that worst case is not risked', async () => {
			// One page (3,000 tokens) would make the worst case about $0.0034, under the cap; 500 pages would not be.
			const error = await routeChat(plan([DOCS], { ...byUrl, maxCostUsd: 0.01 }), context()).catch(
				(e) => e,
			);
			expect(error).toBeInstanceOf(RouteError);
			expect(error.attempts).toEqual([
				expect.objectContaining({ model: DOCS, outcome: 'skipped', skipped: 'over budget' }),
			]);
			expect(requestedModels(fixture.gateway)).toEqual([]);
		});

		it('sends a PDF given by URL when the cap fits the context length', async () => {
			// (128,000 prompt tokens × 1,000 + 100 × 2,000 nano-dollars) × 1.05 = $0.13461.
			const result = await routeChat(plan([DOCS], { ...byUrl, maxCostUsd: 0.13461 }), context());
			expect(result.model).toBe(DOCS);
			expect(requestedModels(fixture.gateway)).toEqual([[DOCS]]);
		});

		it('refuses a model without a published price while a cap is set', async () => {
			const result = await routeChat(
				plan([UNPRICED, A], { completion: { maxTokens: 100 }, maxCostUsd: 1 }),
				context(),
			);
			expect(result.model).toBe(A);
			expect(result.attempts[0]).toEqual(
				expect.objectContaining({ model: UNPRICED, outcome: 'skipped', skipped: 'cost unknown' }),
			);
			expect(requestedModels(fixture.gateway)).toEqual([[A]]);
		});
	});

	it('keeps a partly known spend: the known part stays, labelled unknown', async () => {
		fixture.gateway.setModel(pricedModel(A, { reportCost: false, reply: 'not json' }));
		fixture.gateway.setModel(pricedModel(UNPRICED, { reportCost: false, reply: '{}' }));
		const result = await routeChat(
			plan([A, UNPRICED], { completion: json, policy: noRetries }),
			context(),
		);
		expect(result.attempts.map((a) => a.costUsd)).toEqual([0.000012, null]);
		expect(result.cost).toEqual({ totalUsd: 0.000012, source: 'unknown' });
	});

	describe('Max Cost per Execution', () => {
		it('at concurrency 10, admits a call only while the spend plus the worst case in flight fits', async () => {
			fixture.gateway.setModel(pricedModel(A, { reportCost: false, latencyMs: 20 }));
			// Each answer is 8 prompt + 14 completion tokens: 36,000 nano. At most one 248,850 worst case
			// fits at a time under 330,000, and a call starts only while the spend is at most 81,150.
			const budget = new ExecutionBudget(0.00033);
			const shared = context({ budget });
			const outcomes = await mapWithConcurrency(
				Array.from({ length: 20 }),
				10,
				async () =>
					await routeChat(plan([A], { completion: { maxTokens: 100 } }), shared).then(
						(result) => ({ result }),
						(error: unknown) => ({ error }),
					),
			);

			const served = outcomes.flatMap((o) => ('result' in o ? [o.result] : []));
			expect(served.map((r) => r.costNanoUsd)).toEqual([36_000, 36_000, 36_000]);
			const refused = outcomes.flatMap((o) => ('error' in o ? [o.error as RouteError] : []));
			expect(refused).toHaveLength(17);
			for (const error of refused) {
				expect(error.reason).toBe('budget_reached');
				expect(error.message).toMatch(
					/^Budget reached: this execution has spent \$0\.000108 of its \$0\.00033 limit/,
				);
			}
			expect(await chargedUsd(fixture.gateway)).toBe(0.000108);
		});

		it('a call waiting for room ends when the execution is cancelled', async () => {
			fixture.gateway.setModel(pricedModel(A, { reportCost: false, down: { kind: 'hang' } }));
			const cancel = new AbortController();
			const shared = context({ budget: new ExecutionBudget(0.0003), signal: cancel.signal });
			const route = () =>
				routeChat(plan([A], { completion: { maxTokens: 100 } }), shared).catch((e) => e);
			const pending = [route(), route()];
			await waitForChatRequests(fixture.gateway, 1);
			cancel.abort();
			const errors = await Promise.all(pending);
			expect(errors.map((error) => error.reason)).toEqual(['aborted', 'aborted']);
			expect(requestedModels(fixture.gateway)).toEqual([[A]]);
		});

		it('charges a call whose cost is not known at its worst case', async () => {
			// A timed-out call may have been billed unseen: it holds its 248,850 worst case for good.
			fixture.gateway.setModel(pricedModel(A, { reportCost: false, down: { kind: 'hang' } }));
			const budget = new ExecutionBudget(0.0003);
			const routing = routeChat(
				plan([A], { completion: { maxTokens: 100 }, policy: noRetries }),
				context({ budget }),
			).catch((e) => e);
			await waitForChatRequests(fixture.gateway, 1);
			fixture.timeouts.expire();
			const first = await routing;
			expect(first.reason).toBe('timeout');
			const second = await routeChat(
				plan([B], { completion: { maxTokens: 100 } }),
				context({ budget }),
			).catch((e) => e);
			expect(second.reason).toBe('budget_reached');
			expect(requestedModels(fixture.gateway)).toEqual([[A]]);
		});
	});
});
