import type { Clock } from '../../nodes/RoutedChat/core/clock';
import { createOpenAiChatClient } from '../../nodes/RoutedChat/core/openAiChatClient';
import type { RoutePlan } from '../../nodes/RoutedChat/core/types';
import { type MockGateway, type MockModel, startMockGateway } from '../mock-gateway';

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

export function priced(id: string, extra: Partial<MockModel> = {}): MockModel {
	return {
		id,
		pricing: { prompt: '0.000001', completion: '0.000002' },
		provider: `${id.split('/')[0]}-provider`,
		...extra,
	};
}

/** Starts a mock gateway and a client on it; closes the gateway after the test file. */
export function gatewayFixture(models: MockModel[]) {
	const fixture = {} as { gateway: MockGateway; client: ReturnType<typeof createOpenAiChatClient> };
	beforeAll(async () => {
		fixture.gateway = await startMockGateway({ models });
		fixture.client = createOpenAiChatClient({
			baseUrl: fixture.gateway.baseUrl,
			apiKey: fixture.gateway.apiKey,
		});
	});
	afterEach(() => fixture.gateway.reset());
	afterAll(async () => await fixture.gateway.close());
	return fixture;
}

/** The models the gateway was asked for, request by request. */
export function requestedModels(gateway: MockGateway): string[][] {
	return gateway.requests
		.filter((request) => request.path.endsWith('/chat/completions'))
		.map((request) => {
			const body = request.body as { model: string; models?: string[] };
			return body.models ?? [body.model];
		});
}
