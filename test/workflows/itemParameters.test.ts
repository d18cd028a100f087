import { Expression, type IDataObject } from 'n8n-workflow';

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

	it.each([
		[{ temperature: '={{ true }}' }, 'options.temperature: Temperature must be a number'],
		[{ temperature: '={{ [1] }}' }, 'options.temperature: Temperature must be a number'],
		[{ temperature: '={{ "0x1" }}' }, 'options.temperature: Temperature must be a number'],
		[{ retries: 20 }, 'options.retries: Retries per Model must be a whole number from 0 to 10'],
		[
			{ timeoutMs: 3_000_000_000 },
			'options.timeoutMs: Timeout per Attempt must be a whole number from 1 to 2147483647',
		],
	])('refuses %j, naming the option, before any request', async (options, message) => {
		const run = await runWorkflow(
			chatWorkflow(pinned(MODEL, { options }), { onError: 'continueRegularOutput' }),
			{ credentials: credentialsFor(fixture.gateway), inputItems: [{ text: 'one' }] },
		);

		expect(outputJson(run, ROUTED_CHAT)[0].error).toBe(`Item 0: ${message}`);
		expect(sent()).toEqual([]);
	});

	it('takes a number option an expression leaves empty as not set, and a numeric string as its number', async () => {
		const run = await runWorkflow(
			chatWorkflow(pinned(MODEL, { options: { temperature: '={{ $json.t }}' } })),
			{
				credentials: credentialsFor(fixture.gateway),
				inputItems: [
					{ text: 'empty', t: '' },
					{ text: 'null', t: null },
					{ text: 'string', t: ' 0.4 ' },
				],
			},
		);

		expect(run.status).toBe('success');
		expect(sent().sort((a, b) => String(a.prompt).localeCompare(String(b.prompt)))).toEqual([
			{ model: MODEL, temperature: undefined, prompt: 'empty' },
			{ model: MODEL, temperature: undefined, prompt: 'null' },
			{ model: MODEL, temperature: 0.4, prompt: 'string' },
		]);
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

/**
 * An expression that only names a field of the item (`{{ $json.text }}`) is read from the item,
 * not evaluated by n8n's expression runtime. The same expression in parentheses is left to n8n,
 * so each pair must give the same requests and the same items, errors included.
 */
describe('Routed Chat reading a plain $json reference itself', () => {
	const fixture = mockGatewayFixture([pricedModel(MODEL)]);

	async function outcome(prompt: string, inputItems: IDataObject[]) {
		fixture.gateway.reset();
		const run = await runWorkflow(
			chatWorkflow(pinned(MODEL, { prompt }), { onError: 'continueRegularOutput' }),
			{ credentials: credentialsFor(fixture.gateway), inputItems },
		);
		const prompts = chatRequests(fixture.gateway).map(
			(request) => (request.body as ChatRequestBody).messages.at(-1)?.content,
		);
		const items = outputJson(run, ROUTED_CHAT).map((item) =>
			item.error === undefined ? { content: item.content } : { error: item.error },
		);
		return { status: run.status, prompts: prompts.sort(), items };
	}

	it.each<{ reference: string; inputItems: IDataObject[] }>([
		{
			reference: '$json.text',
			inputItems: [{ text: 'plain' }, { text: '' }, { text: 42 }, { text: { a: 'b' } }, {}],
		},
		{
			reference: '$json.data.text',
			inputItems: [
				{ data: { text: 'deep' } },
				{ data: 'flat' },
				{ data: ['text'] },
				{ data: null },
				{ other: 1 },
			],
		},
		{ reference: '$json.constructor', inputItems: [{ constructor: 'own key' }, { text: 'none' }] },
		// What n8n's editor writes when a field whose name is no identifier is dragged in.
		{
			reference: "$json['Customer message']",
			inputItems: [{ 'Customer message': 'spaced' }, { 'Customer message': 5 }, {}],
		},
		{ reference: '$json["a.b"]', inputItems: [{ 'a.b': 'dotted' }, { a: { b: 'nested' } }] },
		{
			reference: '$json.items[0].text',
			inputItems: [
				{ items: [{ text: 'first' }] },
				{ items: [] },
				{ items: { 0: { text: 'keyed' } } },
				{ items: 'text' },
			],
		},
		{ reference: "$json['it\\'s']", inputItems: [{ "it's": 'escaped quote' }, {}] },
		// n8n refuses these before or while evaluating them; the node must not read them instead.
		{ reference: "$json['a}}b']", inputItems: [{ 'a}}b': 'braces' }] },
		{ reference: '$json.constructorId', inputItems: [{ constructorId: 'ferrari' }] },
		{ reference: "$json['x. constructor']", inputItems: [{ 'x. constructor': 'spaced' }] },
		{ reference: '$json.arguments', inputItems: [{ arguments: 'guarded' }] },
		{ reference: "$json['caller']", inputItems: [{ caller: 'guarded' }] },
	])('$reference gives what n8n gives', async ({ reference, inputItems }) => {
		const read = await outcome(`={{ ${reference} }}`, inputItems);
		const evaluated = await outcome(`={{ (${reference}) }}`, inputItems);

		expect(read).toEqual(evaluated);
		expect(read.items).toHaveLength(inputItems.length);
	});

	it.each(['$json.text', "$json['text']", '$json.list[1]'])(
		"leaves n8n's expression runtime out of %s for a string field, and only then",
		async (reference) => {
			const evaluate = jest.spyOn(Expression.prototype, 'resolveSimpleParameterValue');
			try {
				const inputItems = [
					{ text: 'one', list: ['', 'one'] },
					{ text: 'two', list: ['', 'two'] },
					{ text: 3, list: ['', 3] },
				];
				await outcome(`={{ ${reference} }}`, inputItems);
				await outcome(`={{ (${reference}) }}`, inputItems);
				const times = (expression: string) =>
					evaluate.mock.calls.filter(([evaluated]) => evaluated === expression).length;

				expect(times(`={{ ${reference} }}`)).toBe(1);
				expect(times(`={{ (${reference}) }}`)).toBe(3);
			} finally {
				evaluate.mockRestore();
			}
		},
	);
});
