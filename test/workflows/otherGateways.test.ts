import { runListSearch, runWorkflow, testCredential } from './harness';
import { chatWorkflow, credentialsFor, outputJson, pinned, ROUTED_CHAT } from './support';
import { type RawGateway, startRawGateway } from './rawGateway';
import type { MockGateway } from '../mock-gateway';
import {
	chatRequests,
	mockGatewayFixture,
	pricedModel,
	requestedModels,
} from '../mock-gateway/jestFixture';

const DOWN = 'down/model';
const UP = 'up/model';
const CREDENTIAL = 'routedChatOpenRouterApi';
const KEY_REFUSED =
	'The key was refused (401): check the API Key, and that it belongs to the gateway at the Base URL';

/** Base URL detection decides: the strict mock listens on loopback under /v1, not on openrouter.ai or /api/v1. */
function detected(gateway: MockGateway, overrides: Record<string, string> = {}) {
	return credentialsFor(gateway, { gatewayType: 'auto', ...overrides });
}

describe('Routed Chat on a strict OpenAI-compatible gateway', () => {
	const fixture = mockGatewayFixture(
		[pricedModel(DOWN, { down: { status: 503 } }), pricedModel(UP)],
		{ strict: true },
	);

	it('serves through client-side fallback, even in gateway fallback mode', async () => {
		const run = await runWorkflow(
			chatWorkflow(
				pinned(DOWN, {
					fallbackModels: UP,
					fallbackMode: 'gateway',
					options: { retries: 0, reasoningEffort: 'low' },
				}),
			),
			{ credentials: detected(fixture.gateway), inputItems: [{ text: 'hello' }] },
		);

		expect(run.status).toBe('success');
		expect(outputJson(run, ROUTED_CHAT)[0]).toEqual(
			expect.objectContaining({ model: UP, requestedModel: DOWN, fallbackUsed: true }),
		);
		expect(requestedModels(fixture.gateway)).toEqual([[DOWN], [UP]]);
		expect(chatRequests(fixture.gateway)[1].body).toEqual(
			expect.objectContaining({ reasoning_effort: 'low' }),
		);
	});

	it('lists its models with the key', async () => {
		const { results } = await runListSearch(
			'n8n-nodes-routed-chat.routedChat',
			'searchModels',
			detected(fixture.gateway),
		);
		expect(results.map((result) => result.value)).toEqual([DOWN, UP]);
	});

	it('passes the credential test with a good key (GET /models, as it has no /key)', async () => {
		expect(await testCredential(CREDENTIAL, detected(fixture.gateway)[CREDENTIAL])).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(fixture.gateway.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'GET /models',
		]);
	});

	it('fails the credential test with a wrong key, saying the key was refused', async () => {
		const data = detected(fixture.gateway, { apiKey: 'sk-wrong' })[CREDENTIAL];
		expect(await testCredential(CREDENTIAL, data)).toEqual({
			status: 'Error',
			message: KEY_REFUSED,
		});
	});
});

describe('Routed Chat on a gateway without GET /models', () => {
	let gateway: RawGateway;
	beforeAll(async () => {
		gateway = await startRawGateway((request, response) => {
			const json = (status: number, body: object): void => {
				response
					.writeHead(status, { 'content-type': 'application/json' })
					.end(JSON.stringify(body));
			};
			if (request.url === '/v1/models')
				return json(404, {
					error: { message: 'Not Found', type: 'invalid_request_error', code: null },
				});
			json(200, {
				object: 'chat.completion',
				model: UP,
				choices: [
					{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' },
				],
				usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
			});
		});
	});
	afterAll(async () => await gateway.close());

	it('serves every item with its cost unknown, asking for the model list once, not per item', async () => {
		const run = await runWorkflow(chatWorkflow(pinned(UP, { options: { concurrency: 2 } })), {
			credentials: {
				[CREDENTIAL]: {
					apiKey: 'sk-gateway',
					baseUrl: `${gateway.origin}/v1`,
					gatewayType: 'auto',
				},
			},
			inputItems: Array.from({ length: 6 }, () => ({ text: 'hello' })),
		});

		expect(outputJson(run, ROUTED_CHAT).map((item) => item.cost)).toEqual(
			Array.from({ length: 6 }, () => ({ totalUsd: null, source: 'unknown' })),
		);
		expect(gateway.requests.filter((request) => request.url === '/v1/models')).toHaveLength(1);
	});
});

/** OpenRouter's own path, as a proxy in front of it or a stand-in on this machine keeps it. */
describe('Routed Chat on an OpenRouter stand-in at /api/v1, detected', () => {
	const fixture = mockGatewayFixture([
		pricedModel(DOWN, { down: { status: 503 } }),
		pricedModel(UP),
	]);

	it('sends OpenRouter fields: the chain as models, and usage accounting', async () => {
		const run = await runWorkflow(
			chatWorkflow(
				pinned(DOWN, { fallbackModels: UP, fallbackMode: 'gateway', options: { retries: 0 } }),
			),
			{ credentials: detected(fixture.gateway), inputItems: [{ text: 'hello' }] },
		);

		expect(new URL(fixture.gateway.baseUrl).pathname).toBe('/api/v1');
		expect(run.status).toBe('success');
		expect(outputJson(run, ROUTED_CHAT)[0]).toEqual(
			expect.objectContaining({ model: UP, cost: expect.objectContaining({ source: 'gateway' }) }),
		);
		expect(requestedModels(fixture.gateway)).toEqual([[DOWN, UP]]);
		expect(chatRequests(fixture.gateway)[0].body).toEqual(
			expect.objectContaining({ models: [DOWN, UP], usage: { include: true } }),
		);
	});

	it.each(['', '/'])('tests the key with GET /key (Base URL ending %j)', async (ending) => {
		const data = detected(fixture.gateway, { baseUrl: `${fixture.gateway.baseUrl}${ending}` });
		expect(await testCredential(CREDENTIAL, data[CREDENTIAL])).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(fixture.gateway.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'GET /key',
		]);
	});
});

describe('a Base URL that would send the key in clear text', () => {
	const fixture = mockGatewayFixture([pricedModel(UP)]);

	const CLEAR_TEXT =
		'Base URL "http://gateway.example.com/api/v1" uses http://, which would send the API key in clear text';
	const remote = () =>
		credentialsFor(fixture.gateway, { baseUrl: 'http://gateway.example.com/api/v1' });

	it('fails the execution before any request', async () => {
		const run = await runWorkflow(chatWorkflow(pinned(UP)), {
			credentials: remote(),
			inputItems: [{ text: 'hello' }],
		});
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain(CLEAR_TEXT);
		expect(fixture.gateway.requests).toHaveLength(0);
	});

	it('fails the model list', async () => {
		await expect(
			runListSearch('n8n-nodes-routed-chat.routedChat', 'searchModels', remote()),
		).rejects.toThrow(CLEAR_TEXT);
	});

	it('fails the credential test', async () => {
		const result = await testCredential(CREDENTIAL, remote()[CREDENTIAL]);
		expect(result.status).toBe('Error');
		expect(result.message).toContain(CLEAR_TEXT);
	});

	it('is allowed for a gateway on this machine', async () => {
		const run = await runWorkflow(chatWorkflow(pinned(UP)), {
			credentials: credentialsFor(fixture.gateway),
			inputItems: [{ text: 'hello' }],
		});
		expect(run.status).toBe('success');
		expect(fixture.gateway.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:/);
	});
});
