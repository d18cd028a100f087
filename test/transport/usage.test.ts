import { routeChat } from '../../nodes/RoutedChat/core/routeChat';
import { fakeClock, gatewayFixture, plan } from '../core/support';
import { pricedModel } from '../mock-gateway/jestFixture';

const BYOK = 'byok/model';
const NO_TOTAL = 'no-total/model';

// $1 / $2 per million prompt / completion tokens (pricedModel); the plan's prompt
// "Say hello to the routing core" is 29 characters: 8 tokens; "Hello." is 2 tokens.
const PROMPT_TOKENS = 8;
const COMPLETION_TOKENS = 2;

describe('usage and cost as the gateway reports them', () => {
	const fixture = gatewayFixture([
		pricedModel(BYOK, { reply: 'Hello.', byok: true }),
		pricedModel(NO_TOTAL, { reply: 'Hello.', omitTotalTokens: true }),
	]);

	it("counts a BYOK call's upstream provider charge into what the item cost, and shows it apart", async () => {
		const result = await routeChat(plan([BYOK]), { client: fixture.client, clock: fakeClock() });

		// Upstream: 8 × $0.000001 + 2 × $0.000002 = $0.000012; OpenRouter's fee: 5% of it.
		expect(result.cost).toEqual({ totalUsd: 0.0000126, upstreamUsd: 0.000012, source: 'gateway' });
		expect(result.costNanoUsd).toBe(12_600);
		expect(result.attempts[0].costUsd).toBe(0.0000126);
	});

	it('derives total tokens when the gateway leaves them out, keeping the paid answer', async () => {
		const result = await routeChat(plan([NO_TOTAL]), {
			client: fixture.client,
			clock: fakeClock(),
		});

		expect(result.content).toBe('Hello.');
		expect(result.usage).toEqual(
			expect.objectContaining({
				promptTokens: PROMPT_TOKENS,
				completionTokens: COMPLETION_TOKENS,
				totalTokens: PROMPT_TOKENS + COMPLETION_TOKENS,
			}),
		);
		expect(result.attempts).toHaveLength(1);
	});
});
