import type { Clock } from '../../nodes/RoutedChat/core/clock';
import type { ChatClient } from '../../nodes/RoutedChat/core';
import type { RoutePlan } from '../../nodes/RoutedChat/core/types';
import type { MockModel } from '../mock-gateway';
import { mockGatewayFixture } from '../mock-gateway/jestFixture';
import { loopbackChatClient } from '../transport/loopbackClient';
import { type ManualTimeouts, manualTimeouts } from '../transport/manualTimeouts';

/** A clock whose sleeps return at once and move virtual time forward, recording each wait. */
export interface FakeClock extends Clock {
	sleeps: number[];
	advance(ms: number): void;
}

export function fakeClock(start = Date.UTC(2026, 0, 1)): FakeClock {
	let now = start;
	const sleeps: number[] = [];
	return {
		sleeps,
		now: () => now,
		advance: (ms) => {
			now += ms;
		},
		sleep: async (ms, signal) => {
			signal?.throwIfAborted();
			sleeps.push(ms);
			now += ms;
		},
	};
}

export function plan(models: string[], overrides: Partial<RoutePlan> = {}): RoutePlan {
	return {
		models,
		fallbackMode: 'client',
		messages: [{ role: 'user', content: 'Say hello to the routing core' }],
		completion: {},
		policy: {
			retriesPerModel: 1,
			baseDelayMs: 500,
			maxDelayMs: 8000,
			maxRetryAfterMs: 30_000,
			attemptTimeoutMs: 5_000,
			gatewayModelsCap: 3,
		},
		...overrides,
	};
}

/** The plan's policy without retries: every failure moves on at once. */
export const noRetries = { ...plan([]).policy, retriesPerModel: 0 };

/**
 * A mock gateway for one test file, and a client on it whose attempt timeouts pass only when a
 * test expires them (`fixture.timeouts`) or, with `expireOnHang`, whenever the gateway hangs a request.
 */
export function gatewayFixture(models: MockModel[], { expireOnHang = false } = {}) {
	const timeouts = manualTimeouts();
	const fixture = Object.assign(
		mockGatewayFixture(models, expireOnHang ? { onHang: timeouts.expire } : {}),
		{ timeouts },
	) as ReturnType<typeof mockGatewayFixture> & { client: ChatClient; timeouts: ManualTimeouts };
	beforeAll(() => {
		fixture.client = loopbackChatClient(fixture.gateway, true, timeouts.timeoutSignal);
	});
	return fixture;
}
