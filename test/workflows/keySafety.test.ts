import type { StructuredChunk } from 'n8n-workflow';

import { runListSearch, runWorkflow, testCredential } from './harness';
import { chatWorkflow, credentialsFor, outputJson, pinned, ROUTED_CHAT } from './support';
import { type RawGateway, startRawGateway, streamPieces } from './rawGateway';
import { mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';

/** A key with characters that URL-encoding changes, so that its encoded form differs from it. */
const KEY = 'sk-or-v1-4f9c2b7e81d3a6f05e2d+8c1b/9a7f3e6d=0a4b1c7e';
const ENCODED = encodeURIComponent(KEY);
/** All of the key but its last four characters, as a gateway that cuts it short shows it. */
const MOST_OF_IT = KEY.slice(0, -4);
const CREDENTIAL = 'routedChatOpenRouterApi';
const LIST = ['n8n-nodes-routed-chat.routedChat', 'searchModels'] as const;

/** Text in pieces of four characters, as a model writes it out token by token. */
function tokens(text: string): string[] {
	return Array.from({ length: Math.ceil(text.length / 4) }, (_, at) =>
		text.slice(at * 4, at * 4 + 4),
	);
}

/** The forms of the key none of the node's outputs, errors, logs or run data may show. */
function shownForms(anything: unknown): string[] {
	const text = typeof anything === 'string' ? anything : JSON.stringify(anything);
	return [KEY, ENCODED, MOST_OF_IT].filter((form) => text.includes(form));
}

describe('a gateway that echoes the key', () => {
	const fixture = mockGatewayFixture(
		[
			pricedModel('echo/encoded', { down: { status: 500, message: `Bad key ${ENCODED}` } }),
			pricedModel('echo/most', { down: { status: 500, message: `Key ${MOST_OF_IT}… is over` } }),
			pricedModel('echo/served', { answerAs: KEY }),
			pricedModel('echo/midstream', {
				faults: [{ kind: 'stream-error', afterChunks: 1, message: `Key ${ENCODED} revoked` }],
			}),
		],
		{ apiKey: KEY },
	);
	const credentials = () => credentialsFor(fixture.gateway);
	const raws: RawGateway[] = [];
	afterAll(async () => await Promise.all(raws.map(async (raw) => await raw.close())));

	it('URL-encoded or most of it in an error body: no output, error or log line shows it', async () => {
		const chain = pinned('echo/encoded', {
			fallbackModels: 'echo/most',
			options: { retries: 0 },
		});
		const failedItem = await runWorkflow(
			chatWorkflow(chain, { onError: 'continueRegularOutput' }),
			{ credentials: credentials(), inputItems: [{ text: 'x' }] },
		);
		const failedRun = await runWorkflow(chatWorkflow(chain), {
			credentials: credentials(),
			inputItems: [{ text: 'x' }],
		});

		expect(outputJson(failedItem, ROUTED_CHAT)[0].error).toMatch(/Key \[redacted\]/);
		expect(failedRun.error?.description).toContain('Bad key [redacted]');
		expect(shownForms([failedItem, failedRun])).toEqual([]);
	});

	it('as the model that served: not in a log line, the custom data or the cost summary', async () => {
		const run = await runWorkflow(
			chatWorkflow(pinned('echo/served', { options: { costSummary: true } })),
			{ credentials: credentials(), inputItems: [{ text: 'x' }] },
		);

		expect(run.status).toBe('success');
		expect(outputJson(run, ROUTED_CHAT)[0].model).toBe('[redacted]');
		expect(run.logs.some((line) => line.includes('Routed Chat served an item'))).toBe(true);
		expect(shownForms(run)).toEqual([]);
	});

	it('in a mid-stream error event: not in a streamed chunk', async () => {
		const chunks: StructuredChunk[] = [];
		const run = await runWorkflow(
			chatWorkflow(pinned('echo/midstream', { options: { retries: 0 } }), {
				onError: 'continueRegularOutput',
			}),
			{
				credentials: credentials(),
				inputItems: [{ text: 'x' }],
				onChunk: (chunk) => chunks.push(chunk),
			},
		);

		expect(chunks.find((chunk) => chunk.type === 'error')?.content).toContain('Key [redacted]');
		expect(shownForms([run, chunks])).toEqual([]);
	});

	it('split across streamed tokens: the chunks never put it together', async () => {
		const raw = await startRawGateway((_, response) =>
			streamPieces(response, 'raw/model', ['Your key: ', ...tokens(KEY), '.']),
		);
		raws.push(raw);
		const chunks: StructuredChunk[] = [];
		const run = await runWorkflow(chatWorkflow(pinned('raw/model')), {
			credentials: credentialsFor(fixture.gateway, { baseUrl: `${raw.origin}/api/v1` }),
			inputItems: [{ text: 'x' }],
			onChunk: (chunk) => chunks.push(chunk),
		});

		const streamed = chunks.map((chunk) => (chunk.type === 'item' ? chunk.content : '')).join('');
		expect(streamed).toBe('Your key: [redacted].');
		expect(outputJson(run, ROUTED_CHAT)[0].content).toBe('Your key: [redacted].');
		expect(shownForms([run, chunks])).toEqual([]);
	});

	it("in a redirect's Location: the error names where it points, without the key", async () => {
		const raw = await startRawGateway((_, response) =>
			response.writeHead(302, { location: `https://login.example/?key=${ENCODED}` }).end(),
		);
		raws.push(raw);
		const run = await runWorkflow(
			chatWorkflow(pinned('raw/model'), { onError: 'continueRegularOutput' }),
			{
				credentials: credentialsFor(fixture.gateway, { baseUrl: `${raw.origin}/api/v1` }),
				inputItems: [{ text: 'x' }],
			},
		);

		expect(outputJson(run, ROUTED_CHAT)[0].error).toContain(
			'302 redirect to https://login.example/?key=[redacted], not followed',
		);
		expect(shownForms(run)).toEqual([]);
	});

	it('in the model list: neither an entry nor a failed list shows it', async () => {
		const listing = await startRawGateway((_, response) =>
			response
				.writeHead(200, { 'content-type': 'application/json' })
				.end(JSON.stringify({ data: [{ id: `leaky/${KEY}`, name: `Leaky: ${MOST_OF_IT}` }] })),
		);
		const failing = await startRawGateway((_, response) =>
			response
				.writeHead(401, { 'content-type': 'application/json' })
				.end(JSON.stringify({ error: { code: 401, message: `Unknown key ${KEY}` } })),
		);
		raws.push(listing, failing);
		const listed = await runListSearch(
			...LIST,
			credentialsFor(fixture.gateway, { baseUrl: `${listing.origin}/api/v1` }),
		);
		const failed = await runListSearch(
			...LIST,
			credentialsFor(fixture.gateway, { baseUrl: `${failing.origin}/api/v1` }),
		).then(
			() => undefined,
			(error: unknown) => error as Error,
		);

		expect(listed.results).toEqual([
			{
				name: '[redacted] · ctx unknown · price unknown',
				value: 'leaky/[redacted]',
				description: 'leaky/[redacted]',
			},
		]);
		expect(failed?.message).toBe('401 Unknown key [redacted]');
		expect(shownForms([listed, failed?.message, failed?.stack])).toEqual([]);
	});
});

describe('the credential Test', () => {
	const raws: RawGateway[] = [];
	afterAll(async () => await Promise.all(raws.map(async (raw) => await raw.close())));

	it('does not follow a redirect: the key goes to the Base URL only', async () => {
		const elsewhere = await startRawGateway((_, response) => response.writeHead(200).end('{}'));
		const redirecting = await startRawGateway((request, response) =>
			response.writeHead(307, { location: `${elsewhere.origin}${request.url ?? ''}` }).end(),
		);
		raws.push(elsewhere, redirecting);

		const result = await testCredential(CREDENTIAL, {
			apiKey: KEY,
			baseUrl: `${redirecting.origin}/api/v1`,
			gatewayType: 'auto',
		});

		expect(result).toEqual({
			status: 'Error',
			message:
				'The gateway answered 307 (a redirect), not followed: the key goes only to the Base URL. Set the Base URL to the address it redirects to',
		});
		expect(redirecting.requests.map((request) => request.authorization)).toEqual([`Bearer ${KEY}`]);
		expect(elsewhere.requests).toEqual([]);
	});
});
