import { OpenRouter } from '@openrouter/sdk/esm/index.js';
import { startMockGateway } from './server';
import { cheapModel } from './testClient';
import type { MockGateway } from './types';

describe('the @openrouter/sdk client against the mock gateway', () => {
	let gateway: MockGateway;
	let client: OpenRouter;

	beforeAll(async () => {
		gateway = await startMockGateway({
			models: [
				cheapModel('openai/gpt-4o-2024-08-06', {
					down: { status: 503, message: 'No endpoints available' },
				}),
				cheapModel('google/gemini-2.5-flash', { reply: 'Paris.' }),
			],
		});
		client = new OpenRouter({
			apiKey: gateway.apiKey,
			serverURL: gateway.baseUrl,
			retryConfig: { strategy: 'none' },
		});
	});
	afterAll(() => gateway.close());

	it('chat.send, models.list and the key metadata', async () => {
		const result = await client.chat.send({
			chatRequest: {
				models: ['openai/gpt-4o-2024-08-06', 'google/gemini-2.5-flash'],
				messages: [{ role: 'user', content: 'What is the capital of France?' }],
			},
		});
		const models = await client.models.list();
		const key = await client.apiKeys.getCurrentKeyMetadata();

		expect(result).toMatchObject({
			model: 'google/gemini-2.5-flash',
			usage: { promptTokens: 8, completionTokens: 2 },
		});
		expect(models.result.data).toHaveLength(2);
		// 8 × $0.00000015 + 2 × $0.0000006
		expect(key.data.usage).toBe(0.0000024);
	});

	it('maps the error bodies to its typed errors', async () => {
		await expect(
			client.chat.send({
				chatRequest: {
					model: 'openai/gpt-4o-2024-08-06',
					messages: [{ role: 'user', content: 'Hi' }],
				},
			}),
		).rejects.toMatchObject({ name: 'ServiceUnavailableResponseError', statusCode: 503 });
	});
});
