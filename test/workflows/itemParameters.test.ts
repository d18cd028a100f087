import { runWorkflow } from './harness';
import { chatWorkflow, credentialsFor, outputJson, pinned, ROUTED_CHAT } from './support';
import { chatRequests, mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';
import type { ChatRequestBody } from '../mock-gateway/types';

const MODEL = 'acme/model';
const OTHER = 'acme/other';

/** Constant parameters are read once per execution; whatever holds an expression still follows each item. */
describe('Routed Chat parameters per item', () => {
	const fixture = mockGatewayFixture([pricedModel(MODEL), pricedModel(OTHER)]);
	const inputItems = [
		{ text: 'first', t: 0.1, model: MODEL },
		{ text: 'second', t: 0.7, model: OTHER },
		{ text: 'third', t: 0.3, model: MODEL },
	];
	const sent = () =>
		chatRequests(fixture.gateway).map((request) => {
			const body = request.body as ChatRequestBody;
			return {
				model: body.model,
				temperature: body.temperature,
				prompt: body.messages.at(-1)?.content,
			};
		});

	it('follows expressions inside options and the model, item by item', async () => {
		const run = await runWorkflow(
			chatWorkflow(pinned('={{ $json.model }}', { options: { temperature: '={{ $json.t }}' } })),
			{ credentials: credentialsFor(fixture.gateway), inputItems },
		);

		expect(run.status).toBe('success');
		expect(outputJson(run, ROUTED_CHAT).map((item) => item.model)).toEqual([MODEL, OTHER, MODEL]);
		expect(sent().sort((a, b) => String(a.prompt).localeCompare(String(b.prompt)))).toEqual([
			{ model: MODEL, temperature: 0.1, prompt: 'first' },
			{ model: OTHER, temperature: 0.7, prompt: 'second' },
			{ model: MODEL, temperature: 0.3, prompt: 'third' },
		]);
	});

	it('gives every item the same constant options and model', async () => {
		const run = await runWorkflow(chatWorkflow(pinned(OTHER, { options: { temperature: 0.2 } })), {
			credentials: credentialsFor(fixture.gateway),
			inputItems,
		});

		expect(run.status).toBe('success');
		expect(sent().map(({ model, temperature }) => ({ model, temperature }))).toEqual(
			inputItems.map(() => ({ model: OTHER, temperature: 0.2 })),
		);
	});

	it('reports a bad constant option on every item under Continue On Fail', async () => {
		const run = await runWorkflow(
			chatWorkflow(pinned(MODEL, { options: { temperature: 'hot' } }), {
				onError: 'continueRegularOutput',
			}),
			{ credentials: credentialsFor(fixture.gateway), inputItems },
		);

		expect(outputJson(run, ROUTED_CHAT).map((item) => String(item.error).split(':')[0])).toEqual([
			'Item 0',
			'Item 1',
			'Item 2',
		]);
		expect(sent()).toEqual([]);
	});
});
