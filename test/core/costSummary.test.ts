import { type ItemOutcome, summarizeCosts } from '../../nodes/RoutedChat/core/costSummary';
import { routeChat } from '../../nodes/RoutedChat/core/routeChat';
import { RouteError } from '../../nodes/RoutedChat/core/routeError';
import { fakeClock, gatewayFixture, plan } from './support';
import { pricedModel } from '../mock-gateway/jestFixture';

const CHEAP = 'cheap/model';
const STRONG = 'strong/model';
const prices = new Map([
	[CHEAP, { promptPicoUsd: 150_000, completionPicoUsd: 600_000 }],
	[STRONG, { promptPicoUsd: 3_000_000, completionPicoUsd: 15_000_000 }],
]);

describe('summarizeCosts', () => {
	const fixture = gatewayFixture([
		pricedModel(CHEAP, { pricing: { prompt: '0.00000015', completion: '0.0000006' } }),
		pricedModel(STRONG, { pricing: { prompt: '0.000003', completion: '0.000015' } }),
	]);

	it('adds item costs exactly, counts calls per model and prices the strongest-only alternative', async () => {
		const clock = fakeClock();
		const prompts = [
			'short',
			'a somewhat longer request about invoices',
			'x'.repeat(333),
			'tiny',
			'the fifth',
		];
		const outcomes: ItemOutcome[] = [];
		for (const [index, prompt] of prompts.entries()) {
			const model = index === 2 ? STRONG : CHEAP;
			outcomes.push({
				result: await routeChat(plan([model], { messages: [{ role: 'user', content: prompt }] }), {
					client: fixture.client,
					clock,
				}),
			});
		}
		outcomes.push({
			error: new RouteError('down', 'exhausted', [], 503, { nanoUsd: 1234, source: 'gateway' }),
		});

		const summary = summarizeCosts(outcomes, [CHEAP, STRONG], prices);

		const itemNano =
			outcomes.reduce((sum, o) => sum + ('result' in o ? (o.result.costNanoUsd ?? 0) : 0), 0) +
			1234;
		expect(Math.round(summary.totalCostUsd * 1e9)).toBe(itemNano);
		expect(summary).toEqual(
			expect.objectContaining({
				items: 6,
				served: 5,
				failed: 1,
				strongestModel: STRONG,
				costIncomplete: false,
			}),
		);
		expect(summary.byModel[CHEAP].calls).toBe(4);
		expect(summary.byModel[STRONG].calls).toBe(1);

		const results = outcomes.flatMap((o) => ('result' in o ? [o.result] : []));
		const strongestNano = results.reduce(
			(sum, r) =>
				sum +
				Math.round((r.usage.promptTokens * 3_000_000) / 1000) +
				Math.round((r.usage.completionTokens * 15_000_000) / 1000),
			0,
		);
		expect(Math.round((summary.strongestOnlyCostUsd ?? 0) * 1e9)).toBe(strongestNano);
		expect(Math.round((summary.savedUsd ?? 0) * 1e9)).toBe(strongestNano - (itemNano - 1234));
		expect(summary.totalTokens).toBe(results.reduce((sum, r) => sum + r.usage.totalTokens, 0));
	});

	it('has no saving figure without published prices', () => {
		expect(summarizeCosts([], [CHEAP], undefined)).toEqual(
			expect.objectContaining({ strongestModel: null, savedUsd: null }),
		);
	});
});
