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
import { mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';

const PRIMARY = 'busy/model';
const BACKUP = 'backup/model';
const ITEMS = 2_000;

/** A seeded generator, so the same faults land on the same requests in every run. */
function seededRandom(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

/** About 10 % retryable failures and 1 % bad requests, one entry per request to the primary model (null: it succeeds). */
function faultsFor(count: number): Array<Fault | null> {
	const random = seededRandom(42);
	return Array.from({ length: count }, () => {
		const roll = random();
		if (roll < 0.01) return { status: 400, message: 'rejected by the provider' };
		if (roll < 0.11) return { status: roll < 0.06 ? 503 : 429 };
		return null;
	});
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
		const rejected = faults.filter(
			(fault) => fault && 'status' in fault && fault.status === 400,
		).length;
		const failedOver = faults.filter(
			(fault) => fault && 'status' in fault && fault.status !== 400,
		).length;
		items.forEach((item, index) => {
			if (item.error) {
				expect(item.error).toMatch(new RegExp(`^Item ${index}: 400 rejected by the provider`));
			} else {
				expect(item.content).toMatch(new RegExp(`answered: item #${index}$`));
			}
		});
		expect(items.filter((item) => item.error)).toHaveLength(rejected);
		expect(items.filter((item) => item.model === BACKUP)).toHaveLength(failedOver);
		expect(new Set(items.map((item) => item.generationId ?? item.error)).size).toBe(ITEMS);
		expect(rejected).toBeGreaterThan(0);
		expect(failedOver).toBeGreaterThan(100);
	}, 60_000);
});
