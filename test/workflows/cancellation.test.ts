import { runWorkflow } from './harness';
import { chatWorkflow, credentialsFor, pinned } from './support';
import { chatRequests, mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';

const HANGS = 'hangs/model';
const BACKUP = 'backup/model';

describe('cancelling an execution', () => {
	const fixture = mockGatewayFixture([
		pricedModel(HANGS, { down: { kind: 'hang' } }),
		pricedModel(BACKUP),
	]);

	it('aborts the requests in flight and starts no further attempt or item', async () => {
		const cancel = new AbortController();
		const inputs = Array.from({ length: 6 }, (_, index) => ({ text: `item ${index}` }));
		const running = runWorkflow(
			chatWorkflow(
				pinned(HANGS, {
					fallbackModels: BACKUP,
					options: { concurrency: 3, retries: 2, timeoutMs: 60_000 },
				}),
			),
			{ credentials: credentialsFor(fixture.gateway), inputItems: inputs, signal: cancel.signal },
		);
		while (chatRequests(fixture.gateway).length < 3)
			await new Promise((resolve) => setImmediate(resolve));
		const started = Date.now();
		cancel.abort();
		const run = await running;

		expect(run.status).toBe('error');
		expect(Date.now() - started).toBeLessThan(2_000);
		await new Promise((resolve) => setImmediate(resolve));
		expect(chatRequests(fixture.gateway).map((request) => request.chat?.tried)).toEqual([
			[HANGS],
			[HANGS],
			[HANGS],
		]);
	});
});
