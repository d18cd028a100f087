import type { Fault } from '../mock-gateway';
import { runWorkflow } from './harness';
import {
	chatWorkflow,
	credentialsFor,
	outputJson,
	pairedIndexes,
	pinned,
	ROUTED_CHAT,
} from './support';
import type { RecordedRequest } from '../mock-gateway';
import { chatRequests, mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';
import { seededRandom } from '../seededRandom';

const PRIMARY = 'busy/model';
const BACKUP = 'backup/model';
const ITEMS = 2_000;

/**
 * About 10 % retryable failures and 1 % bad requests, one entry per request to the primary model
 * (null: it succeeds), with an outage of 40 requests in the middle that opens the circuit breaker.
 */
function faultsFor(count: number): Array<Fault | null> {
	const random = seededRandom(42);
	return Array.from({ length: count }, (_, request) => {
		const roll = random();
		if (request >= count / 2 && request < count / 2 + 40) return { status: 503 };
		if (roll < 0.01) return { status: 400, message: 'rejected by the provider' };
		if (roll < 0.11) return { status: roll < 0.06 ? 503 : 429 };
		return null;
	});
}

/** The input item a request was for, read back from its prompt ('item #N'). */
function itemIndexOf(request: RecordedRequest): number {
	const { messages } = request.body as { messages: Array<{ content: string }> };
	return Number(messages.at(-1)?.content.slice('item #'.length));
}

describe('load without loss', () => {
	const fixture = mockGatewayFixture([pricedModel(BACKUP)]);

	it(`returns every one of ${ITEMS} items, in order, paired, served or failed clearly, none twice`, async () => {
		const faults = faultsFor(ITEMS);
		fixture.gateway.setModel(pricedModel(PRIMARY, { faults }));
		const inputs = Array.from({ length: ITEMS }, (_, index) => ({ text: `item #${index}` }));

		const run = await runWorkflow(
			chatWorkflow(
				pinned(PRIMARY, { fallbackModels: BACKUP, options: { retries: 0, concurrency: 20 } }),
				{
					onError: 'continueRegularOutput',
				},
			),
			{ credentials: credentialsFor(fixture.gateway), inputItems: inputs },
		);

		expect(run.status).toBe('success');
		const items = outputJson(run, ROUTED_CHAT);
		expect(items).toHaveLength(ITEMS);
		expect(pairedIndexes(run, ROUTED_CHAT)).toEqual(inputs.map((_, index) => index));

		// The primary's fault queue is consumed one entry per request, in the order they arrive. The
		// circuit breaker may skip the primary for some items, which shifts what later requests meet:
		// so each item is checked against the fault its own request met, or against the skip.
		const met = new Map<number, Fault | null>();
		chatRequests(fixture.gateway)
			.filter((request) => (request.body as { model: string }).model === PRIMARY)
			.forEach((request, arrival) => met.set(itemIndexOf(request), faults[arrival]));
		items.forEach((item, index) => {
			const attempts = item.attempts as Array<{ model: string; status?: number; skipped?: string }>;
			const fault = met.get(index);
			if (!met.has(index)) {
				expect(attempts[0]).toEqual(
					expect.objectContaining({ model: PRIMARY, skipped: 'circuit open' }),
				);
				expect(item.model).toBe(BACKUP);
			} else if (fault === null) {
				expect(item.model).toBe(PRIMARY);
			} else if (fault && 'status' in fault && fault.status === 400) {
				expect(item.error).toMatch(new RegExp(`^Item ${index}: 400 rejected by the provider`));
			} else {
				expect(attempts[0]).toEqual(
					expect.objectContaining({ model: PRIMARY, status: (fault as { status: number }).status }),
				);
				expect(item.model).toBe(BACKUP);
			}
			if (!item.error) expect(item.content).toMatch(new RegExp(`answered: item #${index}$`));
		});
		expect(new Set(items.map((item) => item.generationId ?? item.error)).size).toBe(ITEMS);
		expect(items.some((item) => item.error)).toBe(true);
		expect(met.size).toBeLessThan(ITEMS);
		expect(items.filter((item) => item.model === BACKUP).length).toBeGreaterThan(100);
	}, 180_000);
});
