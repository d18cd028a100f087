import { startMockGateway } from './server';
import { call, chatRequest, cheapModel, postChat } from './testClient';
import type { MockGateway } from './types';

describe('bearer key', () => {
	let gateway: MockGateway;

	beforeAll(async () => {
		gateway = await startMockGateway({
			models: [cheapModel('openai/gpt-5')],
			apiKey: 'sk-or-v1-mock',
		});
	});
	afterAll(() => gateway.close());

	it.each([
		['a wrong key', 'sk-or-v1-wrong', 'User not found.'],
		['no key', null, 'No auth credentials found'],
	])('chat, key and generation stats answer 401 for %s', async (_case, apiKey, message) => {
		const { id } = (await (await postChat(gateway, chatRequest('openai/gpt-5'))).json()) as {
			id: string;
		};
		for (const response of [
			await postChat(gateway, chatRequest('openai/gpt-5'), { apiKey }),
			await call(gateway, 'GET', '/key', { apiKey }),
			await call(gateway, 'GET', `/generation?id=${id}`, { apiKey }),
		]) {
			expect(response.status).toBe(401);
			expect(await response.json()).toEqual({ error: { code: 401, message } });
		}
	});

	it('accepts the configured key', async () => {
		expect(gateway.apiKey).toBe('sk-or-v1-mock');
		expect((await postChat(gateway, chatRequest('openai/gpt-5'))).status).toBe(200);
		expect((await call(gateway, 'GET', '/key')).status).toBe(200);
	});

	it('lists models without a key', async () => {
		const response = await call(gateway, 'GET', '/models', { apiKey: null });

		expect(response.status).toBe(200);
		expect((await response.json()).data.map((model: { id: string }) => model.id)).toEqual([
			'openai/gpt-5',
		]);
	});

	it('answers 404 outside the API', async () => {
		expect((await call(gateway, 'GET', '/nothing-here')).status).toBe(404);
	});
});
