import {
	ExecutionBudget,
	mapWithConcurrency,
	PricingCache,
	type RouteContext,
	type RoutePlan,
	type RouteResult,
	routeCascade,
	routeChat,
	streamChat,
} from '../../nodes/RoutedChat/core';
import type { ChatMessage, Usage } from '../../nodes/RoutedChat/core/types';
import { fakeClock, gatewayFixture, plan, noRetries } from './support';
import type { Fault, MockModel } from '../mock-gateway';
import {
	chargedUsd,
	chatRequests,
	pricedModel,
	requestedModels,
} from '../mock-gateway/jestFixture';

// Every model is $1 / $2 per million prompt / completion tokens, 1,000 / 2,000 nano-dollars a token,
// and (but C, whose '{}' is 1, and BYOK, 1,000 of Max Tokens 1,000) answers with 10 completion tokens: all of
// Max Tokens 10, the completion's worst case.
const PROMPT_NANO = 1_000;
const COMPLETION_NANO = 2_000;
const CLAUDE = 'anthropic/three-and-a-half-chars';
const BYOK = 'vendor-k/own-key';
const CACHING = 'anthropic/caching';
const A = 'vendor-a/a';
const B = 'vendor-b/b';
const C = 'vendor-c/c';
/** A search model: $0.005 per request on top of its tokens, as Perplexity's Sonar publishes. */
const SEARCH = 'perplexity/search';

/** What the tokens the gateway counted cost at the published prices, in nano-dollars. */
const listedNano = ({ promptTokens, completionTokens }: Usage) =>
	promptTokens * PROMPT_NANO + completionTokens * COMPLETION_NANO;

const nano = (usd: number) => Math.round(usd * 1e9);

describe('a cap holds against what the gateway charges', () => {
	const fixture = gatewayFixture([
		pricedModel(CLAUDE, { completionTokens: 10, charsPerToken: 3.5 }),
		pricedModel(BYOK, { completionTokens: 1_000, byok: true }),
		pricedModel(CACHING, { completionTokens: 10 }),
		pricedModel(A, { completionTokens: 10 }),
		pricedModel(B, { completionTokens: 10 }),
		pricedModel(C, { reply: '{}' }),
		pricedModel(SEARCH, {
			completionTokens: 10,
			pricing: { prompt: '0.000001', completion: '0.000002', request: '0.005' },
		}),
	]);
	const context = (extra: Partial<RouteContext> = {}): RouteContext => {
		const cache = new PricingCache(60_000);
		return {
			client: fixture.client,
			clock: fakeClock(),
			prices: async () =>
				await cache.get('mock', 0, () => fixture.client.listModels({ timeoutMs: 5_000 })),
			...extra,
		};
	};
	const ask = (models: string[], extra: Partial<RoutePlan> = {}) =>
		plan(models, { completion: { maxTokens: 10 }, policy: noRetries, ...extra });
	/** Routes `count` items at `concurrency` under one execution cap; each item's result, or undefined when it failed. */
	const runCapped = async (
		capUsd: number,
		count: number,
		concurrency: number,
		route: (context: RouteContext) => Promise<RouteResult>,
	) => {
		const shared = context({ budget: new ExecutionBudget(capUsd) });
		return await mapWithConcurrency(Array.from({ length: count }), concurrency, async () =>
			route(shared).catch(() => undefined),
		);
	};

	it("Max Cost per Execution: with the user's own provider key, the provider's bill and OpenRouter's fee together stay under the cap", async () => {
		// 'Say hello to the routing core', bounded at 37 prompt tokens, and all of Max Tokens 1,000: a
		// worst case of 37 × 1,000 + 1,000 × 2,000 = 2,037,000 nano at list prices. The gateway counts
		// 8 prompt tokens: 2,008,000 at list prices, which the provider bills the key, and OpenRouter
		// adds its 5% fee (chargedUsd). Two worst cases at list prices fit the cap; two calls cost
		// 2 × 2,108,400.
		const capNano = 4_074_000;
		const served = await runCapped(capNano / 1e9, 4, 4, (shared) =>
			routeChat(ask([BYOK], { completion: { maxTokens: 1_000 } }), shared),
		);

		const byProvider = served.reduce(
			(sum, result) => sum + (result ? listedNano(result.usage) : 0),
			0,
		);
		expect(chatRequests(fixture.gateway).length).toBeGreaterThan(0);
		expect(byProvider + nano(await chargedUsd(fixture.gateway))).toBeLessThanOrEqual(capNano);
	});

	// Tokens alone, (37 × 1,000 + 10 × 2,000) × 1.05 = 59,850 nano, would fit a $0.001 cap; the
	// call costs its $0.005 request fee besides, so the worst case counts that fee and no call is made.
	it.each([
		['Max Cost per Item', { maxCostUsd: 0.001 }, {}],
		['Max Cost per Execution', {}, { budget: new ExecutionBudget(0.001) }],
	])('%s: a published per-request fee counts in the worst case', async (_, capped, shared) => {
		await routeChat(ask([SEARCH], capped), context(shared)).catch(() => undefined);
		expect(chatRequests(fixture.gateway)).toEqual([]);
		expect(await chargedUsd(fixture.gateway)).toBeLessThanOrEqual(0.001);
	});

	it('charges a call of a model with a per-request fee its fee, when the gateway reports no cost', async () => {
		fixture.gateway.setModel(
			pricedModel(SEARCH, {
				completionTokens: 10,
				reportCost: false,
				pricing: { prompt: '0.000001', completion: '0.000002', request: '0.005' },
			}),
		);
		const result = await routeChat(ask([SEARCH]), context());
		// 8 prompt tokens at $1/M, 10 completion tokens at $2/M and the $0.005 fee.
		expect(result.cost).toEqual({ totalUsd: 0.005028, source: 'estimate' });
		expect(result.cost.totalUsd).toBe(await chargedUsd(fixture.gateway));
	});

	// 3,500 characters: 875 tokens at the four characters a token the prompt is estimated at, 1,000
	// as a tokenizer of three and a half characters a token (the mock's Claude) counts them.
	const long: ChatMessage[] = [{ role: 'user', content: 'x'.repeat(3_500) }];

	// The estimate's worst case, (875 × 1,000 + 10 × 2,000) × 1.05 = 939,750, would fit the cap, and
	// the call costs 1,020,000: the worst case bounds the prompt by its bytes instead, so the call is
	// not made.
	it('Max Cost per Item: a tokenizer that counts more tokens than the estimate stays under the cap', async () => {
		const capUsd = 0.00095;
		await routeChat(ask([CLAUDE], { messages: long, maxCostUsd: capUsd }), context()).catch(
			() => undefined,
		);
		expect(chatRequests(fixture.gateway)).toEqual([]);
		expect(await chargedUsd(fixture.gateway)).toBeLessThanOrEqual(capUsd);
	});

	it('Max Cost per Execution: at concurrency 20, a tokenizer that counts more never takes the run over', async () => {
		const capUsd = 0.008;
		await runCapped(capUsd, 40, 20, (shared) =>
			routeChat(ask([CLAUDE], { messages: long }), shared),
		);
		expect(chatRequests(fixture.gateway).length).toBeGreaterThan(0);
		expect(await chargedUsd(fixture.gateway)).toBeLessThanOrEqual(capUsd);
	});

	// A prompt-cache write is billed above the prompt price (the mock, as Anthropic: 1.25 ×, unless
	// the model publishes `input_cache_write`). In each case the call would cost more than the cap
	// and its worst case counts that, so the call is not made:
	// - 4,000 characters at 4 a token: 1,001 prompt tokens, 1,000 written. At the prompt price,
	//   (1,001 × 1,000 + 10 × 2,000) × 1.05 = 1,072,050 would fit; the call costs 1,271,000.
	// - 1,996 + 2 characters at 2 a token: 999 prompt tokens, within the context length of 1,000,
	//   998 written: 999 × 1,000 + 998 × 250 + 10 × 2,000 = 1,268,500. Capping the bound with the
	//   write's extra (2,513) at the context length left the extra out: (1,000 × 1,000 + 10 × 2,000)
	//   × 1.05 = 1,071,000 fit.
	// - Writes published at twice the prompt price, a token of every byte: 1,002 prompt tokens,
	//   1,000 written, 1,002 × 1,000 + 1,000 × 1,000 + 10 × 2,000 = 2,022,000. At 1.25 × the bound
	//   would be (1,268 × 1,000 + 10 × 2,000) × 1.05 = 1,352,400.
	it.each<[string, Partial<MockModel>, number, number]>([
		['billed above the prompt price', {}, 4_000, 0.0011],
		[
			'of a prompt as long as the context, its extra included',
			{ charsPerToken: 2, contextLength: 1_000 },
			1_996,
			0.0012,
		],
		[
			'at a published price above 1.25 × the prompt price',
			{
				charsPerToken: 1,
				pricing: { prompt: '0.000001', completion: '0.000002', inputCacheWrite: '0.000002' },
			},
			1_000,
			0.0015,
		],
	])(
		'Max Cost per Item: a prompt cache write %s stays under the cap',
		async (_, model, length, capUsd) => {
			fixture.gateway.setModel(pricedModel(CACHING, { completionTokens: 10, ...model }));
			const messages: ChatMessage[] = [
				{ role: 'system', content: 'p'.repeat(length), cache: {} },
				{ role: 'user', content: 'Hi' },
			];
			await routeChat(ask([CACHING], { messages, maxCostUsd: capUsd }), context()).catch(
				() => undefined,
			);
			expect(chatRequests(fixture.gateway)).toEqual([]);
			expect(await chargedUsd(fixture.gateway)).toBeLessThanOrEqual(capUsd);
		},
	);

	// A call's worst case here: (37 × 1,000 + 10 × 2,000) × 1.05 = 59,850 nano; the cap holds one, not two.
	it.each<[string, Fault, typeof routeChat]>([
		['an error reported in a 200', { kind: 'error-in-200', code: 502 }, routeChat],
		[
			'an error event in the stream before its first token',
			{ kind: 'stream-error', afterChunks: 0, code: 502 },
			(plan, shared) => streamChat(plan, shared, () => undefined),
		],
	])(
		'Max Cost per Item: %s may have been billed unseen, so it holds its worst case',
		async (_, fault, route) => {
			fixture.gateway.setModel(pricedModel(A, { completionTokens: 10, faults: [fault] }));
			const error = await route(ask([A, B], { maxCostUsd: 0.0001 }), context()).catch(
				(e: unknown) => e,
			);

			expect(error).toMatchObject({
				attempts: [
					expect.objectContaining({ model: A, kind: 'upstream_error' }),
					expect.objectContaining({ model: B, outcome: 'skipped', skipped: 'over budget' }),
				],
			});
			expect(requestedModels(fixture.gateway)).toEqual([[A]]);
		},
	);

	it.each<[string, number, () => void, (context: RouteContext) => Promise<RouteResult>]>([
		[
			'retries and fallbacks after unpaid errors, unreadable answers and paid rejected ones',
			0.002,
			() => {
				fixture.gateway.setModel(
					pricedModel(A, {
						completionTokens: 10,
						latencyMs: 5,
						faults: Array.from({ length: 40 }, (_, i) =>
							i % 2 ? { status: 500 } : { kind: 'malformed' },
						),
					}),
				);
				fixture.gateway.setModel(pricedModel(B, { completionTokens: 10, reply: 'not json' }));
			},
			(shared) =>
				routeChat(
					plan([A, B, C], {
						completion: { maxTokens: 10, responseFormat: { type: 'json_object' } },
					}),
					shared,
				),
		],
		[
			"a cascade's cheap, repair and strong calls",
			0.002,
			() => fixture.gateway.setModel(pricedModel(A, { completionTokens: 10, reply: 'short' })),
			(shared) =>
				routeCascade(
					{
						cheap: ask([A], { maxCostUsd: 0.01 }),
						strong: ask([B], { maxCostUsd: 0.01 }),
						checks: { minLength: 20 },
						repair: true,
					},
					shared,
				),
		],
		[
			'streamed answers, half of them broken off',
			0.0005,
			() =>
				fixture.gateway.setModel(
					pricedModel(A, {
						completionTokens: 10,
						faults: Array.from({ length: 40 }, (_, i) =>
							i % 2 ? { kind: 'stream-drop', afterChunks: 0 } : null,
						),
					}),
				),
			(shared) => streamChat(ask([A, B]), shared, () => undefined),
		],
		[
			'generation stats that lag the answers',
			0.0005,
			() =>
				fixture.gateway.setModel(
					pricedModel(A, { completionTokens: 10, latencyMs: 2, generationStats: { lag: 2 } }),
				),
			(shared) => routeChat(ask([A], { generationStats: true }), shared),
		],
	])('Max Cost per Execution at concurrency 20: %s', async (_, capUsd, script, route) => {
		script();
		const served = await runCapped(capUsd, 40, 20, route);

		// The cap let some items through and stopped the others; the gateway charged no more than it.
		expect(served.some((result) => result)).toBe(true);
		expect(served.some((result) => !result)).toBe(true);
		expect(await chargedUsd(fixture.gateway)).toBeLessThanOrEqual(capUsd);
	});
});
