import { chatResultFromJSON } from '@openrouter/sdk/esm/models/chatresult.js';

import { startMockGateway } from './server';
import { cheapModel, postChat } from './testClient';
import type { MockGateway } from './types';
import { sdkParsed } from '../sdkParsed';

const calculator = {
	type: 'function',
	function: {
		name: 'calculator',
		description: 'Evaluates arithmetic',
		parameters: { type: 'object', properties: { input: { type: 'string' } } },
	},
};

describe('mock gateway: tool calls in OpenRouter wire format', () => {
	let gateway: MockGateway;

	beforeAll(async () => {
		gateway = await startMockGateway({
			models: [
				cheapModel('openai/gpt-4.1-mini', {
					toolUse: { name: 'calculator', arguments: '{"input":"17*23"}' },
				}),
			],
		});
	});
	afterAll(() => gateway.close());
	beforeEach(() => gateway.reset());

	const question = { role: 'user', content: 'What is 17 times 23?' };

	it('calls the offered tool: tool_calls, no content, finish reason tool_calls', async () => {
		const response = await postChat(gateway, {
			model: 'openai/gpt-4.1-mini',
			messages: [question],
			tools: [calculator],
		});
		const result = sdkParsed(chatResultFromJSON(await response.text()));

		expect(result.choices[0]).toMatchObject({
			finishReason: 'tool_calls',
			message: {
				role: 'assistant',
				content: null,
				toolCalls: [
					{
						id: 'call_gen-1',
						type: 'function',
						function: { name: 'calculator', arguments: '{"input":"17*23"}' },
					},
				],
			},
		});
		expect(result.usage?.completionTokens).toBeGreaterThan(0);
	});

	it('answers from the tool result once a tool message answers the call', async () => {
		const response = await postChat(gateway, {
			model: 'openai/gpt-4.1-mini',
			tools: [calculator],
			messages: [
				question,
				{
					role: 'assistant',
					content: null,
					tool_calls: [
						{
							id: 'call_1',
							type: 'function',
							function: { name: 'calculator', arguments: '{"input":"17*23"}' },
						},
					],
				},
				{ role: 'tool', tool_call_id: 'call_1', content: '391' },
			],
		});
		const result = sdkParsed(chatResultFromJSON(await response.text()));

		expect(result.choices[0]).toMatchObject({
			finishReason: 'stop',
			message: { content: 'openai/gpt-4.1-mini answered from the tool result: 391' },
		});
	});

	it('without tools in the request the model just answers', async () => {
		const response = await postChat(gateway, {
			model: 'openai/gpt-4.1-mini',
			messages: [question],
		});
		const result = sdkParsed(chatResultFromJSON(await response.text()));

		expect(result.choices[0].message.toolCalls).toBeUndefined();
		expect(result.choices[0].message.content).toContain('answered: What is 17 times 23?');
	});

	it('with tool_choice none the model answers instead of calling the offered tool', async () => {
		const response = await postChat(gateway, {
			model: 'openai/gpt-4.1-mini',
			messages: [question],
			tools: [calculator],
			tool_choice: 'none',
		});
		const result = sdkParsed(chatResultFromJSON(await response.text()));

		expect(result.choices[0].finishReason).toBe('stop');
		expect(result.choices[0].message.toolCalls).toBeUndefined();
		expect(result.choices[0].message.content).toContain('answered: What is 17 times 23?');
	});

	it('refuses a tool message that answers no earlier tool call, as OpenAI does', async () => {
		const response = await postChat(gateway, {
			model: 'openai/gpt-4.1-mini',
			messages: [question, { role: 'tool', tool_call_id: 'call_nowhere', content: '391' }],
		});

		expect(response.status).toBe(400);
		expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
			'messages[1]: a tool message must answer a tool_call_id of an earlier assistant message',
		);
	});
});
