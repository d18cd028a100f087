import OpenAI from 'openai';

import { GatewayStatusError } from '../../nodes/RoutedChat/core';
import { loopbackChatClient } from '../transport/loopbackClient';
import { startMockGateway } from './server';
import { cheapModel } from './testClient';
import type { MockGateway } from './types';

const UP = 'google/gemini-2.5-flash';
const LIMITED = 'openai/gpt-4o-mini';

/** The official openai SDK against both modes of the mock: what it sends is accepted, what it gets back parses. */
describe.each([
	{ mode: 'OpenRouter', strict: false },
	{ mode: 'strict OpenAI-compatible', strict: true },
])('the openai SDK against the mock gateway ($mode)', ({ strict }) => {
	let gateway: MockGateway;
	let client: OpenAI;

	beforeAll(async () => {
		gateway = await startMockGateway({
			strict,
			models: [
				cheapModel(UP, { reply: 'Paris.' }),
				cheapModel(LIMITED, { down: { status: 429, retryAfter: '7', message: 'Slow down' } }),
			],
		});
		client = new OpenAI({ apiKey: gateway.apiKey, baseURL: gateway.baseUrl, maxRetries: 0 });
	});
	afterAll(() => gateway.close());

	it('chat.completions.create and models.list', async () => {
		const completion = await client.chat.completions.create({
			model: UP,
			messages: [{ role: 'user', content: 'What is the capital of France?' }],
			temperature: 0,
			reasoning_effort: 'low',
		});
		const models = await client.models.list();

		expect(completion.choices[0].message.content).toBe('Paris.');
		expect(completion.model).toBe(UP);
		expect(completion.usage).toEqual(
			expect.objectContaining({ prompt_tokens: 8, completion_tokens: 2, total_tokens: 10 }),
		);
		expect(models.data.map((model) => model.id)).toEqual([UP, LIMITED]);
	});

	it('maps an error status to its typed error, with the body message and Retry-After', async () => {
		const error = await client.chat.completions
			.create({ model: LIMITED, messages: [{ role: 'user', content: 'Hi' }] })
			.catch((caught: unknown) => caught);

		expect(error).toBeInstanceOf(OpenAI.RateLimitError);
		expect(error).toEqual(expect.objectContaining({ status: 429, message: '429 Slow down' }));
		expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe(
			'7',
		);
	});

	it("gives the node's transport the same status, message and Retry-After", async () => {
		const messages = [{ role: 'user' as const, content: 'Hi' }];
		const sdkError = (await client.chat.completions
			.create({ model: LIMITED, messages })
			.catch((caught: unknown) => caught)) as InstanceType<typeof OpenAI.RateLimitError>;
		const ours = await loopbackChatClient(gateway, !strict)
			.complete({ model: LIMITED, messages, completion: {} }, { timeoutMs: 5_000 })
			.catch((caught: unknown) => caught);

		expect(ours).toBeInstanceOf(GatewayStatusError);
		const { status, message, headers } = ours as GatewayStatusError;
		expect({ status, message, retryAfter: headers?.get('retry-after') }).toEqual({
			status: sdkError.status,
			message: sdkError.message,
			retryAfter: sdkError.headers.get('retry-after'),
		});
	});
});
