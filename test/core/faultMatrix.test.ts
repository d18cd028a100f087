import { faultCases } from '../faultCases';
import { RouteError } from '../../nodes/RoutedChat/core/routeError';
import { routeChat } from '../../nodes/RoutedChat/core/routeChat';
import type { FallbackMode, RouteResult } from '../../nodes/RoutedChat/core/types';
import { fakeClock, gatewayFixture, plan } from './support';
import { pricedModel, requestedModels } from '../mock-gateway/jestFixture';

const A = 'first/model';
const B = 'second/model';
const C = 'third/model';
const modes: Array<{ label: string; mode: FallbackMode }> = [
	{ label: 'client fallback on', mode: 'client' },
	{ label: 'client fallback off (gateway only)', mode: 'gateway' },
];

const cases = faultCases.flatMap((row) => modes.map((mode) => ({ ...row, ...mode })));

describe('fault matrix (core)', () => {
	// A request that hangs is never answered: its attempt's timeout passes at once.
	const fixture = gatewayFixture([pricedModel(A), pricedModel(B), pricedModel(C)], {
		expireOnHang: true,
	});

	it.each(cases)(
		'$name, $label',
		async ({ fault, kind, retryable, wait, gatewayFailsOver, mode }) => {
			fixture.gateway.setModel(pricedModel(A, { down: fault }));
			const clock = fakeClock();
			const chain = [A, B, C];
			const outcome = await routeChat(plan(chain, { fallbackMode: mode }), {
				client: fixture.client,
				clock,
			}).catch((error: unknown) => error);

			const failedOnA = { model: A, outcome: 'error', kind };
			if (gatewayFailsOver && mode !== 'client') {
				// The gateway keeps the first model's failure to itself: one request, served by the next.
				expect(outcome).toEqual(expect.objectContaining({ model: B, fallbackUsed: true }));
				expect((outcome as RouteResult).attempts).toMatchObject([
					{ model: A, models: chain, outcome: 'success', servedBy: B },
				]);
				expect(requestedModels(fixture.gateway)).toEqual([chain]);
				return;
			}
			if (!retryable) {
				expect(outcome).toBeInstanceOf(RouteError);
				expect(outcome).toEqual(expect.objectContaining({ reason: kind }));
				expect((outcome as RouteError).attempts).toMatchObject([failedOnA]);
				expect(requestedModels(fixture.gateway)).toEqual([mode === 'client' ? [A] : chain]);
				expect(clock.sleeps).toEqual([]);
				return;
			}
			if (mode === 'client') {
				expect(outcome).toEqual(expect.objectContaining({ model: B, fallbackUsed: true }));
				expect((outcome as RouteResult).attempts).toMatchObject([
					failedOnA,
					{ ...failedOnA, waitMs: wait },
					{ model: B, outcome: 'success' },
				]);
				expect(requestedModels(fixture.gateway)).toEqual([[A], [A], [B]]);
				expect(clock.sleeps).toEqual([wait]);
				return;
			}
			// A broken answer is the gateway's whole reply: retried once, then the item fails naming the cause.
			expect(outcome).toBeInstanceOf(RouteError);
			const error = outcome as RouteError;
			expect(error.reason).toBe(kind);
			expect(error.attempts).toMatchObject([
				{ ...failedOnA, models: chain },
				{ ...failedOnA, models: chain, waitMs: wait },
			]);
			expect(error.message).toContain('Every model failed (2 attempts)');
			expect(requestedModels(fixture.gateway)).toEqual([chain, chain]);
			expect(clock.sleeps).toEqual([wait]);
		},
	);
});
