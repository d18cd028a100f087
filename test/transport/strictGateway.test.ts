import { routeChat } from '../../nodes/RoutedChat/core/routeChat';
import { RouteError } from '../../nodes/RoutedChat/core/routeError';
import {
	chatRequests,
	mockGatewayFixture,
	pricedModel,
	requestedModels,
} from '../mock-gateway/jestFixture';
import { fakeClock, plan } from '../core/support';
import { loopbackChatClient } from './loopbackClient';

const DOWN = 'down/model';
const UP = 'up/model';

describe('a strict OpenAI-compatible gateway', () => {
	const fixture = mockGatewayFixture(
		[pricedModel(DOWN, { down: { status: 503 } }), pricedModel(UP)],
		{ strict: true },
	);

	const completion = {
		reasoningEffort: 'low' as const,
		provider: { sort: 'price' as const },
		temperature: 0.2,
	};

	it('gets only OpenAI fields, and the chain is walked one model per request', async () => {
		const result = await routeChat(plan([DOWN, UP], { fallbackMode: 'gateway', completion }), {
			client: loopbackChatClient(fixture.gateway, false),
			clock: fakeClock(),
		});

		expect(result).toEqual(expect.objectContaining({ model: UP, fallbackUsed: true }));
		// The 503 is retried once (Retries per Model), then the next model is asked on its own.
		expect(requestedModels(fixture.gateway)).toEqual([[DOWN], [DOWN], [UP]]);
		expect(chatRequests(fixture.gateway).at(-1)?.body).toEqual(
			expect.objectContaining({ model: UP, reasoning_effort: 'low', temperature: 0.2 }),
		);
		for (const { body } of chatRequests(fixture.gateway)) {
			expect(Object.keys(body as object).sort()).toEqual([
				'messages',
				'model',
				'reasoning_effort',
				'temperature',
			]);
		}
	});

	it('gets no cache mark, reasoning budget or the newer provider preferences either', async () => {
		const result = await routeChat(
			plan([UP], {
				messages: [
					{ role: 'system', content: 'Be brief.', cache: { ttl: '1h' } },
					{ role: 'user', content: 'Hello' },
				],
				completion: {
					reasoningMaxTokens: 100,
					excludeReasoning: true,
					provider: { only: ['A'], quantizations: ['fp8'], require_parameters: true },
				},
			}),
			{ client: loopbackChatClient(fixture.gateway, false), clock: fakeClock() },
		);

		expect(result.model).toBe(UP);
		expect(chatRequests(fixture.gateway)[0].body).toEqual({
			model: UP,
			messages: [
				{ role: 'system', content: 'Be brief.' },
				{ role: 'user', content: 'Hello' },
			],
		});
	});

	it("rejects OpenRouter's own fields with 400, which stops the chain", async () => {
		const outcome = await routeChat(plan([UP, DOWN], { fallbackMode: 'gateway', completion }), {
			client: loopbackChatClient(fixture.gateway, true),
			clock: fakeClock(),
		}).catch((error: unknown) => error);

		expect(outcome).toBeInstanceOf(RouteError);
		expect((outcome as RouteError).reason).toBe('bad_request');
		expect((outcome as RouteError).message).toContain(
			'Unrecognized request argument supplied: usage, models, reasoning, provider',
		);
	});
});
