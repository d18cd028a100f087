import type { IncomingMessage, ServerResponse } from 'node:http';

import { runListSearch, runWorkflow, testCredential } from './harness';
import { chatWorkflow, outputJson, pinned, ROUTED_CHAT } from './support';
import { type RawGateway, startRawGateway } from './rawGateway';

const KEY = 'sk-gateway-key';
const MODEL = 'vendor/model';
const CREDENTIAL = 'routedChatOpenRouterApi';

/** An OpenAI-compatible server under /v1 that wants the key on every route, as LiteLLM and vLLM do. */
function openAiCompatible(request: IncomingMessage, response: ServerResponse): void {
	const json = (status: number, body: object) => {
		response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
	};
	if (request.headers.authorization !== `Bearer ${KEY}`)
		return json(401, { error: { code: 401, message: 'Invalid key' } });
	const route = `${request.method} ${new URL(request.url ?? '/', 'http://gateway').pathname}`;
	if (route === 'GET /v1/models') return json(200, { data: [{ id: MODEL }] });
	if (route === 'POST /v1/chat/completions') {
		return json(200, {
			id: 'chatcmpl-1',
			model: MODEL,
			choices: [{ message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
			usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
		});
	}
	json(404, { error: { code: 404, message: `No route ${route}` } });
}

const credentials = (baseUrl: string) => ({
	[CREDENTIAL]: { apiKey: KEY, baseUrl, gatewayType: 'auto', appUrl: '', appName: '' },
});

/** The execution, the model list and the credential Test, each on this Base URL. */
async function useEverywhere(gateway: RawGateway, baseUrl: string) {
	const run = await runWorkflow(chatWorkflow(pinned(MODEL), { onError: 'continueRegularOutput' }), {
		credentials: credentials(baseUrl),
		inputItems: [{ text: 'hello' }],
	});
	const list = await runListSearch(
		'n8n-nodes-routed-chat.routedChat',
		'searchModels',
		credentials(baseUrl),
	).then(
		({ results }) => results.map((result) => result.value),
		(error: unknown) => (error as Error).message,
	);
	const test = await testCredential(CREDENTIAL, credentials(baseUrl)[CREDENTIAL]);
	// Each distinct request once: the execution may also read /models for prices, or find them cached.
	const requests = [
		...new Set(gateway.requests.map((request) => `${request.method} ${request.url}`)),
	];
	gateway.requests.length = 0;
	return { item: outputJson(run, ROUTED_CHAT)[0], list, test, requests };
}

describe('Base URL forms', () => {
	const gateways: RawGateway[] = [];
	let gateway: RawGateway;
	beforeAll(async () => {
		gateway = await startRawGateway(openAiCompatible);
		gateways.push(gateway);
	});
	afterAll(async () => await Promise.all(gateways.map(async (started) => await started.close())));

	it.each([
		['with spaces around it', (origin: string) => `  ${origin}/v1  `],
		['with a trailing slash and a space', (origin: string) => `${origin}/v1/ `],
		['with an upper-case scheme and host', (origin: string) => `${origin.toUpperCase()}/v1`],
	])('%s: the execution, the model list and the Test use it alike', async (_, form) => {
		const used = await useEverywhere(gateway, form(gateway.origin));

		expect(used.item).toEqual(expect.objectContaining({ model: MODEL, content: 'hi' }));
		expect(used.list).toEqual([MODEL]);
		expect(used.test).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(used.requests).toEqual(['POST /v1/chat/completions', 'GET /v1/models']);
	});

	it.each(['/v1?tenant=a&region=eu', '/v1/?tenant=a&region=eu', '/v1?tenant=a&region=eu#top'])(
		'%s: every request goes under the path, with the query',
		async (pathAndQuery) => {
			const used = await useEverywhere(gateway, `${gateway.origin}${pathAndQuery}`);

			expect(used.item).toEqual(expect.objectContaining({ model: MODEL, content: 'hi' }));
			expect(used.list).toEqual([MODEL]);
			expect(used.test).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(used.requests).toEqual([
				'POST /v1/chat/completions?tenant=a&region=eu',
				'GET /v1/models?tenant=a&region=eu',
			]);
		},
	);

	it('on IPv6 loopback [::1] over http', async () => {
		const local = await startRawGateway(openAiCompatible, '::1');
		gateways.push(local);

		const used = await useEverywhere(local, `${local.origin}/v1`);

		expect(local.origin).toMatch(/^http:\/\/\[::1\]:\d+$/);
		expect(used.item).toEqual(expect.objectContaining({ model: MODEL }));
		expect(used.list).toEqual([MODEL]);
		expect(used.test.status).toBe('OK');
	});

	it('with a user name and password before the host: refused before sending, naming neither', async () => {
		const baseUrl = gateway.origin.replace('http://', 'http://someone:s3cret@');
		const used = await useEverywhere(gateway, `${baseUrl}/v1`);

		const refused =
			'Base URL has a user name or password before its host (user:password@): the key is sent as Authorization: Bearer, which they would replace. Remove them';
		expect(used.item.error).toBe(`Item 0: credentials.baseUrl: ${refused}`);
		expect(used.list).toBe(refused);
		expect(used.test).toEqual({ status: 'Error', message: refused });
		expect(used.requests).toEqual([]);
	});
});
