import { CircuitBreaker } from '../../nodes/RoutedChat/core/circuitBreaker';
import { RouteError } from '../../nodes/RoutedChat/core/routeError';
import { routeChat } from '../../nodes/RoutedChat/core/routeChat';
import { fakeClock, gatewayFixture, plan, noRetries } from './support';
import { pricedModel, requestedModels } from '../mock-gateway/jestFixture';
import { waitForChatRequests } from '../mock-gateway/receivedRequests';

const A = 'vendor-a/model-a';
const B = 'vendor-b/model-b';

describe('timeouts, deadline and cancellation', () => {
	const fixture = gatewayFixture([pricedModel(A), pricedModel(B)]);

	it('gives up on an attempt that never answers and fails over', async () => {
		fixture.gateway.setModel(pricedModel(A, { down: { kind: 'hang' } }));
		const routing = routeChat(plan([A, B], { policy: noRetries }), {
			client: fixture.client,
			clock: fakeClock(),
		});
		await waitForChatRequests(fixture.gateway, 1);
		fixture.timeouts.expire();
		const result = await routing;
		expect(result.model).toBe(B);
		expect(result.attempts[0]).toEqual(
			expect.objectContaining({ model: A, outcome: 'error', kind: 'timeout' }),
		);
	});

	it('skips a backoff that would run past the item deadline and fails over to the next model', async () => {
		fixture.gateway.setModel(pricedModel(A, { down: { status: 503 } }));
		const clock = fakeClock();
		const result = await routeChat(
			plan([A, B], { policy: { ...plan([]).policy, deadlineMs: 300 } }),
			{ client: fixture.client, clock },
		);
		expect(result.model).toBe(B);
		expect(requestedModels(fixture.gateway)).toEqual([[A], [B]]);
		expect(clock.sleeps).toEqual([]);
	});

	it('fails over instead of waiting out a Retry-After longer than the time left', async () => {
		fixture.gateway.setModel(pricedModel(A, { down: { status: 429, retryAfter: '10' } }));
		const result = await routeChat(
			plan([A, B], { policy: { ...plan([]).policy, deadlineMs: 5_000 } }),
			{ client: fixture.client, clock: fakeClock() },
		);
		expect(result.model).toBe(B);
		expect(requestedModels(fixture.gateway)).toEqual([[A], [B]]);
	});

	it('fails the item at the deadline only when no time is left for another model', async () => {
		const clock = fakeClock();
		fixture.gateway.setModel(
			pricedModel(A, {
				reply: () => {
					clock.advance(400);
					return 'not json';
				},
			}),
		);
		const error = await routeChat(
			plan([A, B], {
				completion: { responseFormat: { type: 'json_object' } },
				policy: { ...plan([]).policy, deadlineMs: 300 },
			}),
			{ client: fixture.client, clock },
		).catch((e) => e);
		expect(error).toBeInstanceOf(RouteError);
		expect(error.reason).toBe('deadline');
		expect(error.attempts).toEqual([expect.objectContaining({ model: A, kind: 'invalid_output' })]);
		expect(requestedModels(fixture.gateway)).toEqual([[A]]);
	});

	it('aborts the request in flight when the execution is cancelled, and starts no other', async () => {
		fixture.gateway.setModel(pricedModel(A, { down: { kind: 'hang' } }));
		const cancel = new AbortController();
		const pending = routeChat(plan([A, B]), {
			client: fixture.client,
			clock: fakeClock(),
			signal: cancel.signal,
		});
		await waitForChatRequests(fixture.gateway, 1);
		cancel.abort();
		const error = await pending.catch((e) => e);
		expect(error).toBeInstanceOf(RouteError);
		expect(error.reason).toBe('aborted');
		expect(requestedModels(fixture.gateway)).toEqual([[A]]);
	});

	it('starts nothing when cancelled before the first attempt', async () => {
		const cancel = new AbortController();
		cancel.abort();
		const error = await routeChat(plan([A]), {
			client: fixture.client,
			clock: fakeClock(),
			signal: cancel.signal,
		}).catch((e) => e);
		expect(error.reason).toBe('aborted');
		expect(requestedModels(fixture.gateway)).toEqual([]);
	});
});

describe('circuit breaker', () => {
	const fixture = gatewayFixture([pricedModel(A), pricedModel(B)]);

	it('skips a model that failed three times in a row until the cool-down ends', async () => {
		fixture.gateway.setModel(pricedModel(A, { down: { status: 503 } }));
		const clock = fakeClock();
		const breaker = new CircuitBreaker(
			{ threshold: 3, windowMs: 60_000, cooldownMs: 30_000 },
			clock,
		);
		const route = () =>
			routeChat(plan([A, B], { policy: noRetries }), { client: fixture.client, clock, breaker });

		for (let i = 0; i < 3; i++) expect((await route()).model).toBe(B);
		fixture.gateway.reset();
		const skipped = await route();
		expect(skipped.attempts[0]).toEqual(
			expect.objectContaining({ model: A, outcome: 'skipped', skipped: 'circuit open' }),
		);
		expect(requestedModels(fixture.gateway)).toEqual([[B]]);

		clock.advance(30_000);
		expect((await route()).model).toBe(A);
	});

	it('does not retry a model whose circuit opened while the item waited to retry it', async () => {
		fixture.gateway.setModel(pricedModel(A, { down: { status: 503 } }));
		const base = fakeClock();
		const breaker = new CircuitBreaker(
			{ threshold: 3, windowMs: 60_000, cooldownMs: 30_000 },
			base,
		);
		// Other items' requests fail on A while this one waits out its backoff.
		const clock = {
			...base,
			sleep: async (ms: number, signal?: AbortSignal) => {
				for (let other = 0; other < 3; other++) breaker.recordFailure([A], {});
				await base.sleep(ms, signal);
			},
		};
		const result = await routeChat(plan([A, B]), { client: fixture.client, clock, breaker });

		expect(result.model).toBe(B);
		expect(requestedModels(fixture.gateway)).toEqual([[A], [B]]);
	});

	it('counts an answer that finished with an error as a failure of its model', async () => {
		fixture.gateway.setModel(pricedModel(A, { finishReason: 'error' }));
		const clock = fakeClock();
		const breaker = new CircuitBreaker(
			{ threshold: 3, windowMs: 60_000, cooldownMs: 30_000 },
			clock,
		);
		for (let i = 0; i < 3; i++) {
			const served = await routeChat(plan([A, B], { policy: noRetries }), {
				client: fixture.client,
				clock,
				breaker,
			});
			expect(served.model).toBe(B);
		}
		expect(breaker.isOpen(A)).toBe(true);
	});

	const breakerFor = (clock: ReturnType<typeof fakeClock>) =>
		new CircuitBreaker({ threshold: 3, windowMs: 60_000, cooldownMs: 30_000 }, clock);

	/** Three items, each one gateway request for [A, B] without retries; their failures are expected. */
	const sendGatewayRequestThrice = async (
		clock: ReturnType<typeof fakeClock>,
		breaker: ReturnType<typeof breakerFor>,
	) => {
		for (let i = 0; i < 3; i++) {
			await routeChat(plan([A, B], { policy: noRetries, fallbackMode: 'gateway' }), {
				client: fixture.client,
				clock,
				breaker,
			}).catch(() => undefined);
		}
	};

	it('counts failures within a rolling minute, not the gap between consecutive ones', async () => {
		fixture.gateway.setModel(pricedModel(A, { down: { status: 503 } }));
		const clock = fakeClock();
		const breaker = breakerFor(clock);
		for (let i = 0; i < 3; i++) {
			if (i > 0) clock.advance(50_000);
			await routeChat(plan([A, B], { policy: noRetries }), {
				client: fixture.client,
				clock,
				breaker,
			});
		}
		// Failures at 0 s, 50 s and 100 s: never three within one minute.
		expect(breaker.isOpen(A)).toBe(false);
	});

	it("counts an item's retries of one request once", async () => {
		fixture.gateway.setModel(pricedModel(A, { down: { status: 503 } }));
		const clock = fakeClock();
		const breaker = breakerFor(clock);
		const result = await routeChat(plan([A, B], { policy: { ...noRetries, retriesPerModel: 2 } }), {
			client: fixture.client,
			clock,
			breaker,
		});
		expect(requestedModels(fixture.gateway)).toEqual([[A], [A], [A], [B]]);
		expect(result.model).toBe(B);
		expect(breaker.isOpen(A)).toBe(false);
	});

	it('blames every model of a gateway request that failed with an error status', async () => {
		fixture.gateway.setModel(pricedModel(A, { down: { status: 503 } }));
		fixture.gateway.setModel(pricedModel(B, { down: { status: 503 } }));
		const clock = fakeClock();
		const breaker = breakerFor(clock);
		await sendGatewayRequestThrice(clock, breaker);
		expect([breaker.isOpen(A), breaker.isOpen(B)]).toEqual([true, true]);
	});

	it('blames only the first model of a gateway request that broke without a status', async () => {
		fixture.gateway.setModel(pricedModel(A, { down: { kind: 'malformed' } }));
		const clock = fakeClock();
		const breaker = breakerFor(clock);
		await sendGatewayRequestThrice(clock, breaker);
		expect([breaker.isOpen(A), breaker.isOpen(B)]).toEqual([true, false]);
	});

	it('blames only the first model of a gateway request answered by a 200 carrying an error', async () => {
		fixture.gateway.setModel(pricedModel(A, { down: { kind: 'error-in-200', code: 502 } }));
		const clock = fakeClock();
		const breaker = breakerFor(clock);
		await sendGatewayRequestThrice(clock, breaker);
		expect([breaker.isOpen(A), breaker.isOpen(B)]).toEqual([true, false]);
	});

	it('does not count failures further apart than the window as in a row', async () => {
		fixture.gateway.setModel(pricedModel(A, { down: { status: 503 } }));
		const clock = fakeClock();
		const breaker = new CircuitBreaker(
			{ threshold: 3, windowMs: 1_000, cooldownMs: 30_000 },
			clock,
		);
		for (let i = 0; i < 3; i++) {
			await routeChat(plan([A, B], { policy: noRetries }), {
				client: fixture.client,
				clock,
				breaker,
			});
			clock.advance(2_000);
		}
		expect(breaker.isOpen(A)).toBe(false);
	});
});
