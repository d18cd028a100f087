import type { IDataObject, INodeParameters, StructuredChunk } from 'n8n-workflow';

import {
	chargedUsd,
	chatRequests,
	mockGatewayFixture,
	pricedModel,
} from '../mock-gateway/jestFixture';
import { runWorkflow } from './harness';
import { type RawGateway, startRawGateway } from './rawGateway';
import { chatWorkflow, credentialsFor, outputJson, pinned, ROUTED_CHAT } from './support';

const CALLS = 'vendor-a/calls-tools';
const GARBLED = 'vendor-b/garbled-arguments';
const UNQUOTED = 'vendor-e/unquoted-arguments';
const PLAIN = 'vendor-c/plain';
const SEES = 'vendor-d/sees-and-calls';

const multiply = {
	type: 'function',
	function: {
		name: 'multiply',
		description: 'Multiplies two numbers',
		parameters: {
			type: 'object',
			properties: { a: { type: 'number' }, b: { type: 'number' } },
			required: ['a', 'b'],
		},
	},
};
const TOOLS_JSON = JSON.stringify([multiply]);
const question = 'What is 17 times 23?';

describe('tool calls in Routed Chat, in n8n-core', () => {
	const fixture = mockGatewayFixture([
		pricedModel(CALLS, { toolUse: { name: 'multiply', arguments: '{"a":17,"b":23}' } }),
		// A call cut off in the middle of its arguments.
		pricedModel(GARBLED, { toolUse: { name: 'multiply', arguments: '{"a": 17, "b": 2' } }),
		pricedModel(PLAIN),
		pricedModel(SEES, { inputModalities: ['text', 'image'] }),
		pricedModel(UNQUOTED, { toolUse: { name: 'multiply', arguments: '{a: 17, b: 23}' } }),
	]);
	const sent = () => chatRequests(fixture.gateway).map((request) => request.body as IDataObject);
	const run = (parameters: INodeParameters, onError?: 'continueErrorOutput') =>
		runWorkflow(chatWorkflow(parameters, { onError }), {
			credentials: credentialsFor(fixture.gateway),
			inputItems: [{ text: question }],
		});

	it('outputs the calls with parsed arguments and finishReason tool_calls; empty content is not a failure', async () => {
		const result = await run(
			pinned(CALLS, { options: { toolsJson: TOOLS_JSON, toolChoice: 'required' } }),
		);

		expect(result.error).toBeUndefined();
		const [item] = outputJson(result, ROUTED_CHAT);
		expect(item).toMatchObject({
			model: CALLS,
			content: '',
			finishReason: 'tool_calls',
			toolCalls: [
				{ id: expect.stringMatching(/^call_/), name: 'multiply', arguments: { a: 17, b: 23 } },
			],
		});
		expect((item.attempts as IDataObject[]).map((attempt) => attempt.outcome)).toEqual(['success']);
		const [body] = sent();
		expect(body.tools).toEqual([multiply]);
		expect(body.tool_choice).toBe('required');
	});

	it('sends a forced function as OpenAI tool_choice, and a plain answer still has its finishReason', async () => {
		const forced = await run(
			pinned(CALLS, {
				options: { toolsJson: TOOLS_JSON, toolChoice: 'function', toolChoiceName: 'multiply' },
			}),
		);
		const none = await run(
			pinned(CALLS, { options: { toolsJson: TOOLS_JSON, toolChoice: 'none' } }),
		);

		expect(sent().map((body) => body.tool_choice)).toEqual([
			{ type: 'function', function: { name: 'multiply' } },
			'none',
		]);
		expect(outputJson(forced, ROUTED_CHAT)[0].finishReason).toBe('tool_calls');
		const [answer] = outputJson(none, ROUTED_CHAT);
		expect(answer.finishReason).toBe('stop');
		expect(answer.content).toBe(`${CALLS} answered: ${question}`);
		expect(answer).not.toHaveProperty('toolCalls');
	});

	it('falls over from arguments that are not JSON as invalid_output, the refused answer on the record', async () => {
		const result = await run(
			pinned(GARBLED, {
				fallbackModels: CALLS,
				options: { toolsJson: TOOLS_JSON, retries: 1 },
			}),
		);

		const [item] = outputJson(result, ROUTED_CHAT);
		expect(item).toMatchObject({
			model: CALLS,
			requestedModel: GARBLED,
			fallbackUsed: true,
			toolCalls: [{ name: 'multiply', arguments: { a: 17, b: 23 } }],
		});
		const attempts = item.attempts as IDataObject[];
		// Not retried on the same model: the same request gets the same broken answer.
		expect(attempts).toEqual([
			expect.objectContaining({
				model: GARBLED,
				servedBy: GARBLED,
				outcome: 'error',
				kind: 'invalid_output',
				error: expect.stringMatching(
					/arguments of tool call call_\S+ \(multiply\) are not valid JSON/,
				),
			}),
			expect.objectContaining({ model: CALLS, outcome: 'success' }),
		]);
		// Both answers were billed: what the gateway charged the key, by its own books, is the cost.
		const charged = await chargedUsd(fixture.gateway);
		expect(item.cost).toEqual({ totalUsd: expect.closeTo(charged, 12), source: 'gateway' });
		const paid = attempts.reduce((sum, attempt) => sum + Number(attempt.costUsd), 0);
		expect(paid).toBeCloseTo(charged, 12);
		// The refused answer at pricedModel's $1 / $2 per million tokens, as the gateway counted them.
		const refused = attempts[0].usage as IDataObject;
		expect(attempts[0].costUsd).toBeCloseTo(
			Number(refused.promptTokens) * 0.000001 + Number(refused.completionTokens) * 0.000002,
			12,
		);
	});

	it('fails the item as invalid_output when every model garbles its arguments: no call is output unparsed', async () => {
		const result = await run(
			pinned(GARBLED, { fallbackModels: UNQUOTED, options: { toolsJson: TOOLS_JSON } }),
			'continueErrorOutput',
		);

		expect(outputJson(result, ROUTED_CHAT)).toEqual([]);
		const [failed] = outputJson(result, ROUTED_CHAT, 1);
		expect(failed.error).toMatch(
			/^Item 0: Every model failed \(2 attempts\); the last: The arguments of tool call call_\S+ \(multiply\) are not valid JSON/,
		);
		expect(failed).not.toHaveProperty('toolCalls');
		const details = failed.details as IDataObject;
		expect(details.reason).toBe('invalid_output');
		expect(details.attempts).toEqual([
			expect.objectContaining({ model: GARBLED, outcome: 'error', kind: 'invalid_output' }),
			expect.objectContaining({ model: UNQUOTED, outcome: 'error', kind: 'invalid_output' }),
		]);
	});

	it('in streaming mode routes an item that offers tools whole, so garbled arguments still fall over', async () => {
		const chunks: StructuredChunk[] = [];
		const result = await runWorkflow(
			chatWorkflow(
				pinned(GARBLED, { fallbackModels: CALLS, options: { toolsJson: TOOLS_JSON, retries: 0 } }),
			),
			{
				credentials: credentialsFor(fixture.gateway),
				inputItems: [{ text: question }],
				onChunk: (chunk) => chunks.push(chunk),
			},
		);

		expect(result.status).toBe('success');
		expect(outputJson(result, ROUTED_CHAT)).toEqual([
			expect.objectContaining({
				model: CALLS,
				toolCalls: [expect.objectContaining({ arguments: { a: 17, b: 23 } })],
			}),
		]);
		expect(chunks).toEqual([]);
	});

	it('passes the assistant tool call and the tool result through in Messages mode, and the answer uses it', async () => {
		const messages = [
			{ role: 'user', content: question },
			{
				role: 'assistant',
				content: null,
				tool_calls: [
					// Arguments as Routed Chat outputs them (parsed) are sent as JSON text.
					{
						id: 'call_1',
						type: 'function',
						function: { name: 'multiply', arguments: { a: 17, b: 23 } },
					},
				],
			},
			{ role: 'tool', tool_call_id: 'call_1', content: '391' },
		];
		const result = await run({
			...pinned(CALLS, { options: { toolsJson: TOOLS_JSON } }),
			inputMode: 'messages',
			messages: JSON.stringify(messages),
		});

		expect(result.error).toBeUndefined();
		const [item] = outputJson(result, ROUTED_CHAT);
		expect(item).toMatchObject({
			content: `${CALLS} answered from the tool result: 391`,
			finishReason: 'stop',
		});
		expect(item).not.toHaveProperty('toolCalls');
		const [body] = sent();
		expect(body.messages).toEqual([
			{ role: 'user', content: question },
			{
				role: 'assistant',
				content: null,
				tool_calls: [
					{
						id: 'call_1',
						type: 'function',
						function: { name: 'multiply', arguments: '{"a":17,"b":23}' },
					},
				],
			},
			{ role: 'tool', tool_call_id: 'call_1', content: '391' },
		]);
	});

	it("takes a tool result's content as OpenAI's text parts, sent as its text", async () => {
		const result = await run({
			...pinned(CALLS, { options: { toolsJson: TOOLS_JSON } }),
			inputMode: 'messages',
			messages: JSON.stringify([
				{ role: 'user', content: question },
				{
					role: 'assistant',
					content: null,
					tool_calls: [
						{ id: 'call_1', type: 'function', function: { name: 'multiply', arguments: '{}' } },
					],
				},
				{ role: 'tool', tool_call_id: 'call_1', content: [{ type: 'text', text: '391' }] },
			]),
		});

		expect(outputJson(result, ROUTED_CHAT)[0].content).toBe(
			`${CALLS} answered from the tool result: 391`,
		);
		expect((sent()[0].messages as IDataObject[])[2]).toEqual({
			role: 'tool',
			tool_call_id: 'call_1',
			content: '391',
		});
	});

	it("keeps a user message's image part and the tool turns together in Messages mode", async () => {
		const image = { type: 'image_url', image_url: { url: 'https://example.com/receipt.png' } };
		const toolTurns = [
			{
				role: 'assistant',
				content: null,
				tool_calls: [
					{ id: 'call_1', type: 'function', function: { name: 'multiply', arguments: '{}' } },
				],
			},
			{ role: 'tool', tool_call_id: 'call_1', content: '391' },
		];
		const messages = [
			{ role: 'user', content: [{ type: 'text', text: question }, image] },
			...toolTurns,
		];
		const result = await run({
			...pinned(SEES, { options: { toolsJson: TOOLS_JSON } }),
			inputMode: 'messages',
			messages: JSON.stringify(messages),
		});

		expect(result.error).toBeUndefined();
		expect(outputJson(result, ROUTED_CHAT)[0]).toMatchObject({ model: SEES });
		expect(sent()[0].messages).toEqual([
			{ role: 'user', content: [{ type: 'text', text: question }, image] },
			...toolTurns,
		]);
	});

	it.each([
		[
			'Tools that are not JSON',
			{ toolsJson: '[{"type": "function"' },
			'options.toolsJson: Tools (JSON) is not valid JSON',
		],
		[
			'Tools that are not an array',
			{ toolsJson: '{"type": "function"}' },
			'Tools (JSON) must be a JSON array of tools',
		],
		[
			'a tool without type function',
			{ toolsJson: '[{"function": {"name": "multiply"}}]' },
			"Tools (JSON)[0]: type must be 'function'",
		],
		[
			'a function without a name',
			{ toolsJson: '[{"type": "function", "function": {"description": "x"}}]' },
			'Tools (JSON)[0]: function.name must be a string',
		],
		[
			'a function name with a space',
			{ toolsJson: '[{"type": "function", "function": {"name": "multiply two"}}]' },
			'Tools (JSON)[0]: function.name must be letters, digits, _ and - only',
		],
		[
			'parameters that are not an object',
			{ toolsJson: '[{"type": "function", "function": {"name": "m", "parameters": []}}]' },
			'Tools (JSON)[0]: function.parameters must be a JSON Schema object',
		],
		[
			'two tools with one name',
			{ toolsJson: JSON.stringify([multiply, multiply]) },
			'Tools (JSON)[1]: the function name "multiply" is used twice',
		],
		[
			'Required with no tools',
			{ toolChoice: 'required' },
			'options.toolChoice: Tool Choice is Required but Tools (JSON) offers no tool',
		],
		['an unknown Tool Choice', { toolChoice: 'sometimes' }, 'options.toolChoice'],
		[
			'a forced function that is not offered',
			{ toolsJson: TOOLS_JSON, toolChoice: 'function', toolChoiceName: 'divide' },
			'options.toolChoiceName: Tool Name "divide" is not a function in Tools (JSON)',
		],
	])('%s fails the item, naming the field, before any call', async (_label, options, message) => {
		const result = await run(pinned(PLAIN, { options }), 'continueErrorOutput');

		expect(outputJson(result, ROUTED_CHAT)).toEqual([]);
		const [failed] = outputJson(result, ROUTED_CHAT, 1);
		expect(failed.error).toContain(message);
		expect(chatRequests(fixture.gateway)).toHaveLength(0);
	});

	it('reads Tools (JSON) from an expression per item: a bad item fails alone, naming the field', async () => {
		const result = await runWorkflow(
			chatWorkflow(
				pinned(CALLS, { options: { toolsJson: '={{ JSON.stringify($json.tools) }}' } }),
				{ onError: 'continueErrorOutput' },
			),
			{
				credentials: credentialsFor(fixture.gateway),
				inputItems: [
					{ text: question, tools: [multiply] },
					{
						text: question,
						tools: [{ type: 'function', function: { name: 'multiply', parameters: 'a, b' } }],
					},
				],
			},
		);

		const [served] = outputJson(result, ROUTED_CHAT);
		expect(served.toolCalls).toEqual([
			expect.objectContaining({ name: 'multiply', arguments: { a: 17, b: 23 } }),
		]);
		const [failed] = outputJson(result, ROUTED_CHAT, 1);
		expect(failed.error).toContain(
			'Item 1: options.toolsJson: Tools (JSON)[0]: function.parameters must be a JSON Schema object',
		);
		expect(sent()).toHaveLength(1);
	});

	it('refuses a tool result that answers no earlier call in Messages mode, before any call', async () => {
		const result = await run(
			{
				...pinned(PLAIN),
				inputMode: 'messages',
				messages: JSON.stringify([
					{ role: 'user', content: question },
					{ role: 'tool', tool_call_id: 'call_9', content: '391' },
				]),
			},
			'continueErrorOutput',
		);

		const [failed] = outputJson(result, ROUTED_CHAT, 1);
		expect(failed.error).toContain(
			'messages[1].tool_call_id: "call_9" answers no tool call of an earlier assistant message',
		);
		expect(chatRequests(fixture.gateway)).toHaveLength(0);
	});
});

describe('several tool calls in one answer, from a gateway that reports them its own way', () => {
	const MODEL = 'vendor/parallel';
	const call = (id: string, name: string, args: string) => ({
		id,
		type: 'function',
		function: { name, arguments: args },
	});
	let calls: object[] = [];
	let gateway: RawGateway;
	beforeAll(async () => {
		gateway = await startRawGateway((request, response) => {
			response.writeHead(200, { 'content-type': 'application/json' });
			// OpenAI may report a call as finish_reason "stop".
			const message = { role: 'assistant', content: null, tool_calls: calls };
			const completion = {
				id: 'gen-1',
				model: MODEL,
				choices: [{ finish_reason: 'stop', message }],
				usage: { prompt_tokens: 30, completion_tokens: 20, total_tokens: 50, cost: 0.0001 },
			};
			response.end(JSON.stringify(request.url?.endsWith('/models') ? { data: [] } : completion));
		});
	});
	afterAll(async () => await gateway.close());
	const tools = JSON.stringify([
		multiply,
		{ type: 'function', function: { name: 'now', description: 'The time' } },
	]);
	const run = () =>
		runWorkflow(
			chatWorkflow(pinned(MODEL, { options: { toolsJson: tools, toolChoice: 'required' } }), {
				onError: 'continueErrorOutput',
			}),
			{
				credentials: {
					routedChatOpenRouterApi: {
						apiKey: 'sk-or-test',
						baseUrl: `${gateway.origin}/api/v1`,
						gatewayType: 'openRouter',
						appUrl: '',
						appName: '',
					},
				},
				inputItems: [{ text: question }],
			},
		);

	it('outputs every call in order, blank arguments as {}, and the finish reason as the gateway gave it', async () => {
		calls = [call('call_a', 'multiply', '{"a":17,"b":23}'), call('call_b', 'now', '')];
		const result = await run();

		const [item] = outputJson(result, ROUTED_CHAT);
		expect(item).toMatchObject({
			content: '',
			finishReason: 'stop',
			toolCalls: [
				{ id: 'call_a', name: 'multiply', arguments: { a: 17, b: 23 } },
				{ id: 'call_b', name: 'now', arguments: {} },
			],
		});
	});

	it('refuses the whole answer when one of its calls has arguments that are not an object', async () => {
		calls = [call('call_a', 'multiply', '{"a":17,"b":23}'), call('call_b', 'now', '[1]')];
		const result = await run();

		expect(outputJson(result, ROUTED_CHAT)).toEqual([]);
		const [failed] = outputJson(result, ROUTED_CHAT, 1);
		expect(failed.error).toBe(
			'Item 0: Every model failed (1 attempt); the last: The arguments of tool call call_b (now) are not a JSON object',
		);
		expect((failed.details as IDataObject).reason).toBe('invalid_output');
	});
});
