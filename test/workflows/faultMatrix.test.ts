import type { INodeParameters } from 'n8n-workflow';

import { faultCases } from '../faultCases';
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
import { manualTimeouts } from '../transport/manualTimeouts';

const mockTimeouts = manualTimeouts();
// The node builds its own client: its attempt timeouts pass when the test lets them, not by a timer.
jest.mock('../../nodes/RoutedChat/transport/attemptTimeout', () => ({
	timerTimeout: (ms: number) => mockTimeouts.timeoutSignal(ms),
}));

const HEALTHY = 'healthy/model';
const A = 'first/model';
const B = 'second/model';
const C = 'third/model';

const modes = [
	{ label: 'client fallback on', fallbackMode: 'client' },
	{ label: 'client fallback off', fallbackMode: 'gateway' },
] as const;
const continueModes = [
	{ onFail: 'Continue On Fail off', onError: undefined },
	{ onFail: 'Continue On Fail on', onError: 'continueRegularOutput' },
] as const;

const cases = faultCases.flatMap((row) =>
	modes.flatMap((mode) => continueModes.map((onFail) => ({ ...row, ...mode, ...onFail }))),
);

/** Item 1 of three meets the fault on the first model of its chain; items 0 and 2 go to a healthy model. */
const batch = [
	{ text: 'before', model: HEALTHY },
	{ text: 'faulty', model: A },
	{ text: 'after', model: HEALTHY },
];

describe('fault matrix (node in n8n)', () => {
	// A request that hangs is never answered: its attempt times out once the healthy items' are done.
	const fixture = mockGatewayFixture(
		[pricedModel(HEALTHY), pricedModel(A), pricedModel(B), pricedModel(C)],
		{ onHang: () => void mockTimeouts.expireWhenAlone() },
	);

	it.each(cases)(
		'$name, $label, $onFail',
		async ({ fault, kind, retryable, gatewayFailsOver, fallbackMode, onError }) => {
			fixture.gateway.setModel(pricedModel(A, { down: fault }));
			const parameters: INodeParameters = pinned('={{ $json.model }}', {
				fallbackModels: `${B}, ${C}`,
				fallbackMode,
				// No retries, so no real backoff waits here; the waits are asserted on the core with an injected clock.
				options: { retries: 0, concurrency: 3 },
			});
			const run = await runWorkflow(chatWorkflow(parameters, { onError }), {
				credentials: credentialsFor(fixture.gateway),
				inputItems: batch,
			});

			// The node walks the chain only on a retryable fault; the gateway fails over wherever OpenRouter does.
			const served =
				(retryable && fallbackMode === 'client') ||
				(fallbackMode !== 'client' && !!gatewayFailsOver);
			expect(JSON.stringify(run)).not.toContain(fixture.gateway.apiKey);
			if (!served && !onError) {
				expect(run.status).toBe('error');
				expect(run.error?.message).toMatch(/^Item 1: /);
				// Without retries the item fails on its one attempt, of the first model.
				expect(run.error?.description?.split('\n')).toEqual([
					'Attempts:',
					expect.stringMatching(`^1\\. ${A}`),
				]);
				return;
			}
			expect(run.status).toBe('success');
			const items = outputJson(run, ROUTED_CHAT);
			expect(pairedIndexes(run, ROUTED_CHAT)).toEqual([0, 1, 2]);
			expect([items[0].model, items[2].model]).toEqual([HEALTHY, HEALTHY]);
			expect([items[0].fallbackUsed, items[2].fallbackUsed]).toEqual([false, false]);
			const failedOnA = { model: A, outcome: 'error', kind };
			if (served) {
				expect(items[1]).toEqual(
					expect.objectContaining({ model: B, requestedModel: A, fallbackUsed: true }),
				);
				// Where the gateway fails over, the first model's failure stays inside its one request.
				expect(items[1].attempts).toMatchObject(
					fallbackMode === 'client'
						? [failedOnA, { model: B, outcome: 'success' }]
						: [{ model: A, outcome: 'success', servedBy: B }],
				);
				return;
			}
			expect(items[1]).toMatchObject({ error: expect.stringMatching(/^Item 1: /), reason: kind });
			expect(items[1].attempts).toMatchObject([failedOnA]);
		},
	);
});
