import { chooseRoute, routeCascade } from '../../nodes/RoutedChat/core';
import { fakeClock, gatewayFixture, plan, noRetries } from './support';
import { pricedModel } from '../mock-gateway/jestFixture';

const CHEAP = 'cheap/model';
const STRONG = 'strong/model';
/** The documented limit, and a marker just past the text a pattern sees and one just inside it. */
const PATTERN_TEXT_LIMIT = 100_000;
const past = 'x'.repeat(PATTERN_TEXT_LIMIT) + 'MARKER';
const inside = 'x'.repeat(PATTERN_TEXT_LIMIT - 6) + 'MARKER';

describe('Rules and Checks patterns see the first 100,000 characters', () => {
	it.each([
		[inside, 'rule 1: prompt matches /MARKER/'],
		[past, 'default'],
	])('a rule pattern on a long prompt routes by %#', (prompt, route) => {
		const rules = [
			{
				condition: { type: 'promptMatches', pattern: /MARKER/ } as const,
				target: { tier: 'strong' } as const,
			},
		];
		const choice = chooseRoute(rules, { prompt, promptTokens: 1, item: {} }, { tier: 'cheap' });
		expect(choice.route).toBe(route);
	});

	describe('cascade checks on a long cheap answer', () => {
		const fixture = gatewayFixture([pricedModel(CHEAP), pricedModel(STRONG)]);
		const run = (reply: string, checks: { mustMatch?: RegExp; mustNotMatch?: RegExp }) => {
			fixture.gateway.setModel(pricedModel(CHEAP, { reply }));
			return routeCascade(
				{
					cheap: plan([CHEAP], { tier: 'cheap', policy: noRetries }),
					strong: plan([STRONG], { tier: 'strong', policy: noRetries }),
					checks,
					repair: false,
				},
				{ client: fixture.client, clock: fakeClock() },
			);
		};

		it.each([
			['must match, marker inside', inside, { mustMatch: /MARKER/ }, CHEAP],
			['must match, marker past the limit', past, { mustMatch: /MARKER/ }, STRONG],
			['must not match, marker inside', inside, { mustNotMatch: /MARKER/ }, STRONG],
			['must not match, marker past the limit', past, { mustNotMatch: /MARKER/ }, CHEAP],
		])('%s', async (_, reply, checks, served) => {
			expect((await run(reply, checks)).model).toBe(served);
		});
	});
});
