import type { INodeParameters } from 'n8n-workflow';

import { runWorkflow } from './harness';
import { chatWorkflow, credentialsFor, outputJson, pinned, ROUTED_CHAT } from './support';
import { mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';

const CHEAP = 'cheap/small';
const STRONG = 'strong/large';

/** Parameters as a user sets them in the editor, where one field alone must already do what it shows. */
describe('parameters as the editor sets them', () => {
	const fixture = mockGatewayFixture([
		pricedModel(CHEAP, { reply: '{"answer":"maybe","confidence":0.4}' }),
		pricedModel(STRONG, { reply: '{"answer":"yes","confidence":0.95}' }),
	]);
	const credentials = () => credentialsFor(fixture.gateway);

	const cascade = (cascadeChecks: INodeParameters) =>
		chatWorkflow({
			prompt: '={{ $json.text }}',
			routing: 'cascade',
			cheapModels: CHEAP,
			strongModels: STRONG,
			cascadeChecks,
			options: { responseFormat: 'json_object', retries: 0 },
		});

	it('escalates on Min Confidence alone, reading the field "confidence"', async () => {
		const run = await runWorkflow(cascade({ minConfidence: 0.7 }), {
			credentials: credentials(),
			inputItems: [{ text: 'is it safe?' }],
		});
		const [item] = outputJson(run, ROUTED_CHAT);
		expect(item).toEqual(expect.objectContaining({ model: STRONG, escalated: true }));
		expect(item.escalationReason).toContain('confidence 0.4 is below 0.7');
	});

	it('escalates on Confidence Field alone, at a minimum of 0.7', async () => {
		const run = await runWorkflow(cascade({ confidenceField: 'confidence' }), {
			credentials: credentials(),
			inputItems: [{ text: 'is it safe?' }],
		});
		const [item] = outputJson(run, ROUTED_CHAT);
		expect(item.escalationReason).toContain('confidence 0.4 is below 0.7');
	});

	it('puts model, cost, fallbackUsed and latency first, so a table view shows them', async () => {
		const run = await runWorkflow(chatWorkflow(pinned(CHEAP)), {
			credentials: credentials(),
			inputItems: [{ text: 'hello' }],
		});
		const [item] = outputJson(run, ROUTED_CHAT);
		expect(Object.keys(item).slice(0, 4)).toEqual(['model', 'cost', 'fallbackUsed', 'latencyMs']);
	});
});
