import { routeChat } from '../../nodes/RoutedChat/core';
import { chatRequests, pricedModel } from '../mock-gateway/jestFixture';
import { fakeClock, gatewayFixture, plan } from './support';

const TOOLS = 'vendor-a/tool-user';
const DOWN = 'vendor-b/down';
const GARBLED = 'vendor-c/garbled-arguments';
const BLANK = 'vendor-d/blank-arguments';
const SCALAR = 'vendor-e/scalar-arguments';
const UNOFFERED = 'vendor-f/unoffered-function';
const calculator = {
	name: 'calculator',
	description: 'Evaluates arithmetic',
	parameters: { type: 'object', properties: { input: { type: 'string' } } },
};
const question = { role: 'user' as const, content: 'What is 17 times 23?' };

describe('tool calls through the routing core', () => {
	const fixture = gatewayFixture([
		pricedModel(TOOLS, { toolUse: { name: 'calculator', arguments: '{"input":"17*23"}' } }),
		pricedModel(DOWN, { down: { status: 503 } }),
		pricedModel(GARBLED, { toolUse: { name: 'calculator', arguments: '{"input": 17*' } }),
		pricedModel(BLANK, { toolUse: { name: 'calculator', arguments: '' } }),
		pricedModel(SCALAR, { toolUse: { name: 'calculator', arguments: '"17*23"' } }),
		pricedModel(UNOFFERED, {
			toolUse: { name: 'eval', arguments: '{"code":"17*23"}', madeUp: true },
		}),
	]);

	it('sends the tools in OpenAI format and returns the call the model made, with its cost', async () => {
		const result = await routeChat(
			plan([DOWN, TOOLS], { messages: [question], completion: { tools: [calculator] } }),
			{ client: fixture.client, clock: fakeClock() },
		);

		expect(result.toolCalls).toEqual([
			{
				id: 'call_gen-1',
				name: 'calculator',
				arguments: '{"input":"17*23"}',
				input: { input: '17*23' },
			},
		]);
		expect(result.content).toBe('');
		expect(result.finishReason).toBe('tool_calls');
		expect(result.model).toBe(TOOLS);
		expect(result.fallbackUsed).toBe(true);
		expect(result.cost.source).toBe('gateway');
		expect(result.costNanoUsd).toBe(
			result.usage.promptTokens * 1000 + result.usage.completionTokens * 2000,
		);
		const sent = chatRequests(fixture.gateway).map((request) => request.body);
		expect(sent.at(-1)).toMatchObject({
			tools: [
				{
					type: 'function',
					function: {
						name: 'calculator',
						description: 'Evaluates arithmetic',
						parameters: calculator.parameters,
					},
				},
			],
		});
	});

	it('sends the assistant turn and the tool result in wire names, and gets the answer', async () => {
		const result = await routeChat(
			plan([TOOLS], {
				messages: [
					question,
					{
						role: 'assistant',
						content: '',
						toolCalls: [{ id: 'call_7', name: 'calculator', arguments: '{"input":"17*23"}' }],
					},
					{ role: 'tool', toolCallId: 'call_7', content: '391' },
				],
				completion: { tools: [calculator] },
			}),
			{ client: fixture.client, clock: fakeClock() },
		);

		expect(result.content).toBe(`${TOOLS} answered from the tool result: 391`);
		expect(result.toolCalls).toBeUndefined();
		const [sent] = chatRequests(fixture.gateway).map((request) => request.body);
		expect(sent).toMatchObject({
			messages: [
				question,
				{
					role: 'assistant',
					content: null,
					tool_calls: [
						{
							id: 'call_7',
							type: 'function',
							function: { name: 'calculator', arguments: '{"input":"17*23"}' },
						},
					],
				},
				{ role: 'tool', tool_call_id: 'call_7', content: '391' },
			],
		});
	});

	it('refuses arguments that are not JSON as invalid_output, pays for them and falls over', async () => {
		const result = await routeChat(
			plan([GARBLED, TOOLS], { messages: [question], completion: { tools: [calculator] } }),
			{ client: fixture.client, clock: fakeClock() },
		);

		expect(result.model).toBe(TOOLS);
		expect(result.toolCalls?.map((call) => call.input)).toEqual([{ input: '17*23' }]);
		const [refused, served] = result.attempts;
		expect(refused).toMatchObject({
			model: GARBLED,
			servedBy: GARBLED,
			outcome: 'error',
			kind: 'invalid_output',
		});
		expect(refused.error).toMatch(/tool call call_gen-\d+ \(calculator\) are not valid JSON/);
		expect(served).toMatchObject({ model: TOOLS, outcome: 'success' });
		// Both answers were paid for at $1/M prompt and $2/M completion tokens: the refused one stays in the item's cost.
		const nanoUsd = [refused, served].map(
			({ usage }) => usage!.promptTokens * 1000 + usage!.completionTokens * 2000,
		);
		expect(nanoUsd[0]).toBeGreaterThan(0);
		expect(result.costNanoUsd).toBe(nanoUsd[0] + nanoUsd[1]);
	});

	it.each([
		[SCALAR, 'arguments that are JSON but not an object', /are not a JSON object/],
		[
			UNOFFERED,
			'a call to a function the tools do not offer',
			/calls eval, which is not one of the tools offered \(calculator\)/,
		],
	])('refuses %s (%s) as invalid_output and falls over', async (model, _, error) => {
		const result = await routeChat(
			plan([model, TOOLS], { messages: [question], completion: { tools: [calculator] } }),
			{ client: fixture.client, clock: fakeClock() },
		);

		expect(result.model).toBe(TOOLS);
		expect(result.attempts[0]).toMatchObject({ model, outcome: 'error', kind: 'invalid_output' });
		expect(result.attempts[0].error).toMatch(error);
	});

	it('takes blank arguments, as some providers send for a function without any, as none', async () => {
		const result = await routeChat(
			plan([BLANK], { messages: [question], completion: { tools: [calculator] } }),
			{ client: fixture.client, clock: fakeClock() },
		);

		expect(result.attempts.map((attempt) => attempt.outcome)).toEqual(['success']);
		expect(result.toolCalls).toEqual([
			expect.objectContaining({ name: 'calculator', arguments: '', input: {} }),
		]);
	});

	it('forces the named function as OpenAI tool_choice', async () => {
		await routeChat(
			plan([TOOLS], {
				messages: [question],
				completion: { tools: [calculator], toolChoice: { function: 'calculator' } },
			}),
			{ client: fixture.client, clock: fakeClock() },
		);

		const [sent] = chatRequests(fixture.gateway).map((request) => request.body);
		expect(sent).toHaveProperty('tool_choice', {
			type: 'function',
			function: { name: 'calculator' },
		});
	});
});
