import {
	type ChatClient,
	type ItemOutcome,
	routeCascade,
	routeChat,
	RouteError,
	summarizeCosts,
} from '../../nodes/RoutedChat/core';
import { fakeClock, gatewayFixture, plan, noRetries } from './support';
import { pricedModel } from '../mock-gateway/jestFixture';

const CHEAP = 'cheap/model';
const STRONG = 'strong/model';
// The mock's list prices, per token: cheap $0.15 / $0.60 and strong $3 / $15 per million.
const prices = new Map([
	[CHEAP, { promptPicoUsd: 150_000, completionPicoUsd: 600_000 }],
	[STRONG, { promptPicoUsd: 3_000_000, completionPicoUsd: 15_000_000 }],
]);

describe('summarizeCosts', () => {
	// 400 characters make 100 prompt tokens; every cheap answer has 50 completion tokens, every strong one 20.
	const fixture = gatewayFixture([
		pricedModel(CHEAP, {
			pricing: { prompt: '0.00000015', completion: '0.0000006' },
			completionTokens: 50,
		}),
		pricedModel(STRONG, {
			pricing: { prompt: '0.000003', completion: '0.000015' },
			completionTokens: 20,
		}),
	]);
	const messages = [{ role: 'user' as const, content: 'x'.repeat(400) }];

	it('reconciles: total = Σ byModel = Σ items, failed and escalated items included', async () => {
		const context = { client: fixture.client, clock: fakeClock() };
		// Cheap call: 100 × $0.15/M + 50 × $0.60/M = $0.000015 + $0.000030 = $0.000045.
		const cheap = await routeChat(plan([CHEAP], { messages }), context);
		// Escalated: the cheap call ($0.000045) + strong 100 × $3/M + 20 × $15/M = $0.0006: $0.000645.
		const escalated = await routeCascade(
			{
				cheap: plan([CHEAP], { messages, tier: 'cheap', policy: noRetries }),
				strong: plan([STRONG], { messages, tier: 'strong', policy: noRetries }),
				checks: { minLength: 1_000 },
				repair: false,
			},
			context,
		);
		// Failed: one cheap answer that is not the JSON asked for, paid all the same: $0.000045.
		fixture.gateway.setModel(
			pricedModel(CHEAP, {
				pricing: { prompt: '0.00000015', completion: '0.0000006' },
				completionTokens: 50,
				reply: 'not json',
			}),
		);
		const failed = await routeChat(
			plan([CHEAP], { messages, completion: { responseFormat: { type: 'json_object' } } }),
			context,
		).catch((error: unknown) => error);
		expect(failed).toBeInstanceOf(RouteError);

		const outcomes: ItemOutcome[] = [
			{ result: cheap },
			{ result: escalated },
			{ error: failed },
			{ error: new Error('a bad parameter, before any call') },
		];
		const summary = summarizeCosts(outcomes, [CHEAP, STRONG], prices);

		expect(cheap.cost).toEqual({ totalUsd: 0.000045, source: 'gateway' });
		expect(escalated.cost).toEqual({ totalUsd: 0.000645, source: 'gateway' });
		expect(escalated.usage).toEqual(
			expect.objectContaining({ promptTokens: 200, completionTokens: 70, totalTokens: 270 }),
		);
		expect(summary).toEqual({
			items: 4,
			served: 2,
			failed: 2,
			totalCostUsd: 0.000735,
			costIncomplete: false,
			promptTokens: 400,
			completionTokens: 170,
			totalTokens: 570,
			cachedTokens: 0,
			cacheWriteTokens: 0,
			cacheDiscountUsd: 0,
			byModel: {
				[CHEAP]: { calls: 3, costUsd: 0.000135, totalTokens: 450 },
				[STRONG]: { calls: 1, costUsd: 0.0006, totalTokens: 120 },
			},
			escalated: 1,
			fellBack: 0,
			strongestModel: STRONG,
			// Each served answer once on the strong model: (100 × 3 + 50 × 15) + (100 × 3 + 20 × 15)
			// millionths = $0.00105 + $0.0006.
			strongestOnlyCostUsd: 0.00165,
			// Against the $0.00069 the two served items cost.
			savedUsd: 0.00096,
		});
	});

	it("sums the gateway's total tokens as the items and byModel do, even when it is not prompt + completion", async () => {
		// Some OpenAI-compatible gateways count more in total_tokens than the two parts.
		const client = {
			...fixture.client,
			complete: async (...args: Parameters<typeof fixture.client.complete>) => {
				const completion = await fixture.client.complete(...args);
				const usage = completion.usage && { ...completion.usage, totalTokens: 1_000 };
				return { ...completion, usage };
			},
		};
		const context = { client, clock: fakeClock() };
		const items = [
			await routeChat(plan([CHEAP], { messages }), context),
			await routeChat(plan([STRONG], { messages }), context),
		];
		const summary = summarizeCosts(
			items.map((result) => ({ result })),
			[CHEAP, STRONG],
			prices,
		);

		expect(items.map((item) => item.usage.totalTokens)).toEqual([1_000, 1_000]);
		expect(summary.byModel).toEqual({
			[CHEAP]: expect.objectContaining({ totalTokens: 1_000 }),
			[STRONG]: expect.objectContaining({ totalTokens: 1_000 }),
		});
		expect(summary.totalTokens).toBe(2_000);
	});

	it('totals 10,000 tiny costs exactly, with no float drift', async () => {
		// The gateway reports 1 to 17 nano-dollars a call, as floats that are not exact in binary.
		const reportedNano: number[] = [];
		const client: ChatClient = {
			listModels: async () => [],
			complete: async ({ model }) => {
				const costNano = 1 + (reportedNano.length % 17);
				reportedNano.push(costNano);
				return {
					id: null,
					model,
					provider: null,
					content: 'ok',
					finishReason: 'stop',
					usage: null,
					gatewayCostUsd: costNano / 1e9,
					upstreamCostUsd: null,
					raw: {},
				};
			},
		};
		const context = { client, clock: fakeClock() };
		const outcomes: ItemOutcome[] = [];
		for (let item = 0; item < 10_000; item++)
			outcomes.push({ result: await routeChat(plan([CHEAP]), context) });
		const summary = summarizeCosts(outcomes, [CHEAP], prices);

		const totalUsd = reportedNano.reduce((sum, costNano) => sum + costNano, 0) / 1e9;
		expect(summary.totalCostUsd).toBe(totalUsd);
		expect(summary.byModel[CHEAP]).toEqual({ calls: 10_000, costUsd: totalUsd, totalTokens: 0 });
	});

	it('has no saving figure without published prices', () => {
		expect(summarizeCosts([], [CHEAP], undefined)).toEqual(
			expect.objectContaining({ strongestModel: null, savedUsd: null }),
		);
	});
});
