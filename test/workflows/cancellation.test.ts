import { runWorkflow } from './harness';
import { chatWorkflow, credentialsFor, outputJson, pinned, ROUTED_CHAT } from './support';
import { chatRequests, mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';
import { waitForChatRequests, waitForRequestsClosed } from '../mock-gateway/receivedRequests';

const HANGS = 'hangs/model';
const BACKUP = 'backup/model';
const SLOW = 'slow/model';

/**
 * Node emits its warnings on the real process; jest gives a test a copy of it
 * that never hears them, and `require('node:module')._load` is jest-free.
 */
const nodeProcess = (require('node:module') as { _load(name: string): NodeJS.Process })._load(
	'process',
);

describe('cancelling an execution', () => {
	const fixture = mockGatewayFixture([
		pricedModel(HANGS, { down: { kind: 'hang' } }),
		pricedModel(BACKUP),
		pricedModel(SLOW, { latencyMs: 20 }),
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
		await waitForChatRequests(fixture.gateway, 3);
		cancel.abort();
		const run = await running;

		expect(run.status).toBe('error');
		// Retries and a fallback are left, and the requests would hang for a minute: only the cancel
		// ends the item, after its one attempt, and closes the connections in flight.
		expect(run.error).toEqual({
			message: expect.stringMatching(/^Item [0-2]: Cancelled$/),
			description: `Attempts:\n1. ${HANGS}: Cancelled`,
			node: ROUTED_CHAT,
		});
		expect(outputJson(run, ROUTED_CHAT)).toEqual([]);
		await waitForRequestsClosed(fixture.gateway);
		expect(chatRequests(fixture.gateway).map((request) => request.chat?.tried)).toEqual([
			[HANGS],
			[HANGS],
			[HANGS],
		]);
	});

	it('follows the cancel signal at concurrency 20 with no leak warning (one listener, not one per request in flight)', async () => {
		const warnings: string[] = [];
		const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
		nodeProcess.on('warning', onWarning);
		try {
			const inputs = Array.from({ length: 40 }, (_, index) => ({ text: `item ${index}` }));
			const run = await runWorkflow(chatWorkflow(pinned(SLOW, { options: { concurrency: 20 } })), {
				credentials: credentialsFor(fixture.gateway),
				inputItems: inputs,
				signal: new AbortController().signal,
			});
			expect(run.status).toBe('success');
			expect(fixture.gateway.openRequests()).toBe(0);
			// Node emits a warning on the next tick.
			await new Promise((resolve) => setImmediate(resolve));
		} finally {
			nodeProcess.off('warning', onWarning);
		}
		expect(warnings.filter((warning) => warning.startsWith('MaxListenersExceeded'))).toEqual([]);
	});
});
