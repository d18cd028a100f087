import { chatRequests } from './jestFixture';
import type { MockGateway, RecordedRequest } from './types';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Resolves once the gateway has received `count` chat requests; fewer fail the test by its timeout. */
export async function waitForChatRequests(gateway: MockGateway, count: number): Promise<void> {
	while (chatRequests(gateway).length < count) await nextTurn();
}

/** Resolves once the gateway has no request left open; a socket left open fails the test by its timeout. */
export async function waitForRequestsClosed(gateway: MockGateway): Promise<void> {
	while (gateway.openRequests() > 0) await nextTurn();
}

/** The GET /generation requests (stats lookups) the gateway received, in order. */
export function generationLookups(gateway: MockGateway): RecordedRequest[] {
	return gateway.requests.filter((request) => request.path === '/generation');
}
