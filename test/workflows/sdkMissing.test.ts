/**
 * On an n8n without @n8n/ai-node-sdk (older than the one this package was built
 * for), requiring it fails. The package must still load, Routed Chat must work,
 * and Routed Chat Model must fail only when used, saying which n8n it needs.
 */
import { mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';
import { runWorkflow } from './harness';
import { chatWorkflow, credentialsFor, modelCallerWorkflow, outputJson, pinned } from './support';

jest.mock('@n8n/ai-node-sdk', () => {
	throw new Error("Cannot find module '@n8n/ai-node-sdk'");
});

const MODEL = 'vendor-a/serves';

describe('where n8n does not provide @n8n/ai-node-sdk', () => {
	const fixture = mockGatewayFixture([pricedModel(MODEL)]);

	it('Routed Chat still serves', async () => {
		const run = await runWorkflow(chatWorkflow(pinned(MODEL)), {
			credentials: credentialsFor(fixture.gateway),
			inputItems: [{ text: 'Hello' }],
		});

		expect(run.error).toBeUndefined();
		expect(outputJson(run, 'Served')).toEqual([expect.objectContaining({ model: MODEL })]);
	});

	it('Routed Chat Model fails when used, naming the n8n version it needs', async () => {
		const run = await runWorkflow(
			modelCallerWorkflow({ routing: 'pinned', model: { __rl: true, mode: 'id', value: MODEL } }),
			{ credentials: credentialsFor(fixture.gateway), inputItems: [{ prompt: 'Hello' }] },
		);

		expect(run.status).toBe('error');
		const [task] = run.runData['Routed Chat Model'];
		expect(task.error?.message).toBe(
			'Routed Chat Model needs n8n 2.41.1 or newer, which provides @n8n/ai-node-sdk; this n8n does not',
		);
		expect(fixture.gateway.requests).toEqual([]);
	});
});
