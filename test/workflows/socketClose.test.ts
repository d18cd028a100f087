import { runWorkflow } from './harness';
import { chatWorkflow, credentialsFor, outputJson, pinned, ROUTED_CHAT } from './support';
import { chatRequests, mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';
import { waitForChatRequests, waitForRequestsClosed } from '../mock-gateway/receivedRequests';

const HANGS = 'hangs/model';
const REFUSES = 'refuses/model';

describe('an aborted request closes its connection', () => {
	const fixture = mockGatewayFixture([
		pricedModel(HANGS, { down: { kind: 'hang' } }),
		// Fails only once the other items' requests are in flight.
		pricedModel(REFUSES, { down: { status: 400, message: 'rejected' }, latencyMs: 300 }),
	]);
	// Far beyond the test's own timeout: only an abort can close these requests in time.
	const options = { concurrency: 3, retries: 0, timeoutMs: 120_000 };

	it('when the execution is cancelled', async () => {
		const cancel = new AbortController();
		const running = runWorkflow(chatWorkflow(pinned(HANGS, { options })), {
			credentials: credentialsFor(fixture.gateway),
			inputItems: [{ text: 'a' }, { text: 'b' }, { text: 'c' }],
			signal: cancel.signal,
		});
		await waitForChatRequests(fixture.gateway, 3);
		cancel.abort();

		expect((await running).status).toBe('error');
		await waitForRequestsClosed(fixture.gateway);
		expect(chatRequests(fixture.gateway)).toHaveLength(3);
	});

	it('when a failed item stops the items still in flight (Continue On Fail off)', async () => {
		const run = await runWorkflow(chatWorkflow(pinned('={{ $json.model }}', { options })), {
			credentials: credentialsFor(fixture.gateway),
			inputItems: [
				{ text: 'a', model: HANGS },
				{ text: 'b', model: HANGS },
				{ text: 'c', model: REFUSES },
			],
		});

		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/^Item 2: /);
		expect(chatRequests(fixture.gateway)).toHaveLength(3);
		await waitForRequestsClosed(fixture.gateway);
	});

	// The one test on the shipped timer (AbortSignal.timeout): the others expire timeouts themselves.
	it('when Timeout per Attempt passes', async () => {
		const run = await runWorkflow(
			chatWorkflow(pinned(HANGS, { options: { retries: 0, timeoutMs: 100 } }), {
				onError: 'continueRegularOutput',
			}),
			{ credentials: credentialsFor(fixture.gateway), inputItems: [{ text: 'a' }] },
		);

		expect(outputJson(run, ROUTED_CHAT)).toEqual([
			expect.objectContaining({
				reason: 'timeout',
				error: expect.stringContaining('No answer within the 100 ms attempt timeout'),
			}),
		]);
		await waitForRequestsClosed(fixture.gateway);
	});
});
