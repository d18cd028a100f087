import { connect, runWorkflow } from './harness';
import { builtIn, credentialsFor, pinned, ROUTED_CHAT, routedChatNode, runsOf } from './support';
import { mockGatewayFixture, pricedModel, requestedModels } from '../mock-gateway/jestFixture';

const DOWN = 'vendor/down';
const FALLBACK = 'vendor/up';

describe('the circuit breaker covers every run of the node in one execution', () => {
	const fixture = mockGatewayFixture([
		pricedModel(DOWN, { down: { status: 503 } }),
		pricedModel(FALLBACK),
	]);

	it('a node fed by two parents skips in its second run the model its first run found down', async () => {
		const parameters = pinned(DOWN, { fallbackModels: FALLBACK, options: { retries: 0 } });
		const run = await runWorkflow(
			{
				nodes: [
					builtIn('Start', 'manualTrigger', 1),
					builtIn('Left', 'noOp', 1),
					builtIn('Right', 'noOp', 1),
					routedChatNode(parameters),
				],
				connections: connect(
					['Start', 0, 'Left'],
					['Start', 0, 'Right'],
					['Left', 0, ROUTED_CHAT],
					['Right', 0, ROUTED_CHAT],
				),
			},
			{
				credentials: credentialsFor(fixture.gateway),
				inputItems: [{ text: 'question 0' }, { text: 'question 1' }, { text: 'question 2' }],
			},
		);

		expect(run.status).toBe('success');
		const [first, second] = runsOf(run, ROUTED_CHAT);
		expect(first.map((item) => item.model)).toEqual([FALLBACK, FALLBACK, FALLBACK]);
		for (const item of second)
			expect(item).toMatchObject({
				model: FALLBACK,
				attempts: [
					{ model: DOWN, outcome: 'skipped', skipped: 'circuit open' },
					{ model: FALLBACK, outcome: 'success' },
				],
			});
		expect(requestedModels(fixture.gateway).filter(([model]) => model === DOWN)).toHaveLength(3);
	});
});
