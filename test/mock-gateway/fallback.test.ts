import { startMockGateway } from './server';
import { chatRequest, cheapModel, postChat } from './testClient';
import type { MockGateway } from './types';

describe('gateway-side fallback over `models`', () => {
	let gateway: MockGateway;

	beforeAll(async () => {
		gateway = await startMockGateway({
			models: [
				cheapModel('openai/gpt-4o-2024-08-06', {
					down: { status: 503, message: 'No endpoints available' },
				}),
				cheapModel('anthropic/claude-sonnet-4.5', {
					provider: 'Anthropic',
					faults: [{ status: 429, retryAfter: '2' }, { status: 502 }],
				}),
				cheapModel('google/gemini-2.5-flash', { provider: 'Google AI Studio' }),
			],
		});
	});
	afterAll(() => gateway.close());
	beforeEach(() => gateway.reset());

	it('serves from the first healthy model and reports it', async () => {
		const response = await postChat(
			gateway,
			chatRequest(['openai/gpt-4o-2024-08-06', 'google/gemini-2.5-flash']),
		);
		const body = await response.json();

		expect(response.status).toBe(200);
		expect(body.model).toBe('google/gemini-2.5-flash');
		expect(body.provider).toBe('Google AI Studio');
		expect(body.choices[0].message.content).toBe(
			'google/gemini-2.5-flash answered: What is the capital of France?',
		);
		expect(gateway.requests[0].chat).toEqual({
			tried: ['openai/gpt-4o-2024-08-06', 'google/gemini-2.5-flash'],
			served: 'google/gemini-2.5-flash',
		});
	});

	it('answers with the last failure when every model fails', async () => {
		const response = await postChat(
			gateway,
			chatRequest(['anthropic/claude-sonnet-4.5', 'openai/gpt-4o-2024-08-06']),
		);

		expect(response.status).toBe(503);
		expect(await response.json()).toEqual({
			error: { code: 503, message: 'No endpoints available' },
		});
		expect(gateway.requests[0].chat).toEqual({
			tried: ['anthropic/claude-sonnet-4.5', 'openai/gpt-4o-2024-08-06'],
			served: null,
		});
	});

	// https://openrouter.ai/docs/guides/routing/model-fallbacks: any error can trigger a fallback.
	it.each([
		[400, 'context length exceeded'],
		[403, 'Input flagged by moderation'],
	])('falls back from a %i (%s), as OpenRouter documents', async (status, message) => {
		gateway.setModel(cheapModel('openai/gpt-4o-2024-08-06', { down: { status, message } }));
		const response = await postChat(
			gateway,
			chatRequest(['openai/gpt-4o-2024-08-06', 'google/gemini-2.5-flash']),
		);

		expect(response.status).toBe(200);
		expect(gateway.requests[0].chat?.served).toBe('google/gemini-2.5-flash');
	});

	it.each([401, 402])(
		'answers an account failure (%i) at once, without falling back',
		async (status) => {
			gateway.setModel(cheapModel('openai/gpt-4o-2024-08-06', { down: { status } }));
			const response = await postChat(
				gateway,
				chatRequest(['openai/gpt-4o-2024-08-06', 'google/gemini-2.5-flash']),
			);

			expect(response.status).toBe(status);
			expect(gateway.requests[0].chat?.tried).toEqual(['openai/gpt-4o-2024-08-06']);
		},
	);

	it('consumes queued faults one per request, then succeeds', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 3; i++) {
			statuses.push((await postChat(gateway, chatRequest('anthropic/claude-sonnet-4.5'))).status);
		}

		expect(statuses).toEqual([429, 502, 200]);
	});

	it('keeps a down model down, whatever its fault queue', async () => {
		gateway.setModel(
			cheapModel('openai/gpt-4o-2024-08-06', { down: { status: 503 }, faults: [{ status: 429 }] }),
		);
		const statuses: number[] = [];
		for (let i = 0; i < 3; i++)
			statuses.push((await postChat(gateway, chatRequest('openai/gpt-4o-2024-08-06'))).status);

		expect(statuses).toEqual([503, 503, 503]);
	});

	it('an unknown model id fails with 404 and is fallen back from', async () => {
		const unknown = await postChat(gateway, chatRequest('nobody/nothing'));
		const fallenBack = await postChat(
			gateway,
			chatRequest(['nobody/nothing', 'google/gemini-2.5-flash']),
		);

		expect(unknown.status).toBe(404);
		expect(await unknown.json()).toEqual({
			error: { code: 404, message: 'No endpoints found for nobody/nothing' },
		});
		expect((await fallenBack.json()).model).toBe('google/gemini-2.5-flash');
	});

	it('records method, path, lower-case headers and the parsed body', async () => {
		const body = {
			...chatRequest('google/gemini-2.5-flash'),
			provider: { sort: 'price' },
			usage: { include: true },
		};
		await postChat(gateway, body);

		expect(gateway.requests[0]).toMatchObject({
			method: 'POST',
			path: '/chat/completions',
			headers: { authorization: `Bearer ${gateway.apiKey}`, 'content-type': 'application/json' },
			body,
		});
	});

	it('setModel replaces a script and restarts its fault queue; reset restores the initial scripts', async () => {
		await postChat(gateway, chatRequest('anthropic/claude-sonnet-4.5'));
		gateway.setModel(
			cheapModel('anthropic/claude-sonnet-4.5', { reply: 'Scripted.', faults: [{ status: 500 }] }),
		);
		const afterSet = [
			await postChat(gateway, chatRequest('anthropic/claude-sonnet-4.5')),
			await postChat(gateway, chatRequest('anthropic/claude-sonnet-4.5')),
		];

		expect(afterSet[0].status).toBe(500);
		expect((await afterSet[1].json()).choices[0].message.content).toBe('Scripted.');

		gateway.reset();

		expect(gateway.requests).toEqual([]);
		expect((await postChat(gateway, chatRequest('anthropic/claude-sonnet-4.5'))).status).toBe(429);
	});

	it('a reply function sees the recorded request', async () => {
		gateway.setModel(
			cheapModel('google/gemini-2.5-flash', {
				reply: (request) => `echo ${request.body.messages.length}`,
			}),
		);
		const body = await (await postChat(gateway, chatRequest('google/gemini-2.5-flash'))).json();

		expect(body.choices[0].message.content).toBe('echo 1');
	});

	it('rejects a body without messages or model', async () => {
		const response = await postChat(gateway, { messages: [] });

		expect(response.status).toBe(400);
		expect((await response.json()).error.code).toBe(400);
	});
});
