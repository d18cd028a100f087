import { runListSearch, runWorkflow, testCredential } from './harness';
import { textItems } from './inputItems';
import {
	chatWorkflow,
	credentialsFor,
	outputJson,
	pairedIndexes,
	pinned,
	ROUTED_CHAT,
	setNode,
} from './support';
import {
	chatRequests,
	mockGatewayFixture,
	pricedModel,
	requestedModels,
} from '../mock-gateway/jestFixture';

const CHEAP = 'cheap/small';
const STRONG = 'strong/large';
const DOWN = 'down/model';
const BACKUP = 'backup/model';

describe('Routed Chat in n8n', () => {
	const fixture = mockGatewayFixture([
		pricedModel(CHEAP, {
			pricing: { prompt: '0.0000001', completion: '0.0000004' },
			provider: 'CheapCo',
		}),
		pricedModel(STRONG, {
			pricing: { prompt: '0.000003', completion: '0.000015' },
			provider: 'StrongCo',
		}),
		pricedModel(DOWN, { down: { status: 503 } }),
		pricedModel(BACKUP),
	]);
	const credentials = () => credentialsFor(fixture.gateway);

	it('serves a pinned model: one paired item per input with model, provider, tokens, cost and attempts', async () => {
		const run = await runWorkflow(chatWorkflow(pinned(CHEAP)), {
			credentials: credentials(),
			inputItems: textItems('first', 'second', 'third'),
		});

		expect(run.status).toBe('success');
		const items = outputJson(run, ROUTED_CHAT);
		expect(items).toHaveLength(3);
		expect(pairedIndexes(run, ROUTED_CHAT)).toEqual([0, 1, 2]);
		items.forEach((item, index) => {
			expect(item).toEqual(
				expect.objectContaining({
					content: `${CHEAP} answered: ${['first', 'second', 'third'][index]}`,
					model: CHEAP,
					requestedModel: CHEAP,
					provider: 'CheapCo',
					tier: null,
					route: 'pinned',
					fallbackUsed: false,
					cost: { totalUsd: expect.any(Number), source: 'gateway' },
					finishReason: 'stop',
				}),
			);
			const usage = item.usage as { promptTokens: number; completionTokens: number };
			expect((item.cost as { totalUsd: number }).totalUsd).toBeCloseTo(
				usage.promptTokens * 1e-7 + usage.completionTokens * 4e-7,
				12,
			);
			expect(item.attempts).toEqual([
				expect.objectContaining({ model: CHEAP, outcome: 'success' }),
			]);
		});
	});

	it('lets the next node read the cost and the model', async () => {
		const report = setNode('Report', {
			line: '={{ $json.model }} cost {{ $json.cost.totalUsd }} via {{ $json.provider }}',
		});
		const run = await runWorkflow(chatWorkflow(pinned(STRONG), { after: [report] }), {
			credentials: credentials(),
			inputItems: textItems('hello'),
		});
		const [item] = outputJson(run, ROUTED_CHAT);
		expect(outputJson(run, 'Report')[0].line).toBe(
			`${STRONG} cost ${(item.cost as { totalUsd: number }).totalUsd} via StrongCo`,
		);
	});

	it('picks the tier per item from an expression on the item', async () => {
		const run = await runWorkflow(
			chatWorkflow({
				prompt: '={{ $json.text }}',
				routing: 'tier',
				tier: '={{ $json.hard ? "strong" : "cheap" }}',
				cheapModels: CHEAP,
				strongModels: STRONG,
			}),
			{
				credentials: credentials(),
				inputItems: [
					{ text: 'easy', hard: false },
					{ text: 'prove it', hard: true },
				],
			},
		);
		expect(outputJson(run, ROUTED_CHAT).map((item) => [item.tier, item.model])).toEqual([
			['cheap', CHEAP],
			['strong', STRONG],
		]);
	});

	it.each([
		['client', [[DOWN], [DOWN], [BACKUP]]],
		['gateway', [[DOWN, BACKUP]]],
	])(
		'falls back to the next model when the pinned one is down (%s fallback)',
		async (fallbackMode, requests) => {
			const run = await runWorkflow(
				chatWorkflow(
					pinned(DOWN, { fallbackModels: BACKUP, fallbackMode, options: { retries: 1 } }),
				),
				{
					credentials: credentials(),
					inputItems: textItems('hi'),
				},
			);
			expect(outputJson(run, ROUTED_CHAT)[0]).toEqual(
				expect.objectContaining({ model: BACKUP, requestedModel: DOWN, fallbackUsed: true }),
			);
			expect(requestedModels(fixture.gateway)).toEqual(requests);
		},
		10_000,
	);

	it('runs a fallback drill without calling the drilled model, and says so', async () => {
		const run = await runWorkflow(
			chatWorkflow(pinned(CHEAP, { fallbackModels: BACKUP, options: { fallbackDrill: 1 } })),
			{
				credentials: credentials(),
				inputItems: textItems('drill'),
			},
		);
		expect(outputJson(run, ROUTED_CHAT)[0]).toEqual(
			expect.objectContaining({
				model: BACKUP,
				drill: true,
				attempts: [
					expect.objectContaining({ model: CHEAP, skipped: 'fallback drill' }),
					expect.objectContaining({ model: BACKUP, outcome: 'success' }),
				],
			}),
		);
		expect(chatRequests(fixture.gateway)).toHaveLength(1);
	});

	describe('a non-retryable error', () => {
		const failingOnSecondItem = (onError?: 'continueRegularOutput' | 'continueErrorOutput') =>
			chatWorkflow(pinned('={{ $json.model }}', { fallbackModels: BACKUP }), { onError });
		const inputs = [
			{ text: 'one', model: CHEAP },
			{ text: 'two', model: 'rejects/model' },
			{ text: 'three', model: CHEAP },
		];
		beforeEach(() =>
			fixture.gateway.setModel(
				pricedModel('rejects/model', { down: { status: 400, message: 'context length exceeded' } }),
			),
		);

		it('stops the workflow with an error naming the item, the cause and every attempt, without trying the fallbacks', async () => {
			const run = await runWorkflow(failingOnSecondItem(), {
				credentials: credentials(),
				inputItems: inputs,
			});
			expect(run.status).toBe('error');
			expect(run.error?.message).toContain('Item 1: ');
			expect(run.error?.message).toContain('context length exceeded');
			expect(run.error?.description).toContain('1. rejects/model [400]');
			expect(
				chatRequests(fixture.gateway).some((request) => request.chat?.tried.includes(BACKUP)),
			).toBe(false);
		});

		it('under Continue (regular output) becomes a paired error item and the other items are served', async () => {
			const run = await runWorkflow(failingOnSecondItem('continueRegularOutput'), {
				credentials: credentials(),
				inputItems: inputs,
			});
			expect(run.status).toBe('success');
			const items = outputJson(run, ROUTED_CHAT);
			expect(pairedIndexes(run, ROUTED_CHAT)).toEqual([0, 1, 2]);
			expect(items[0].model).toBe(CHEAP);
			expect(items[1]).toEqual({
				error: expect.stringContaining('Item 1: 400 context length exceeded'),
				reason: 'bad_request',
				attempts: [
					expect.objectContaining({ model: 'rejects/model', status: 400, kind: 'bad_request' }),
				],
			});
			expect(items[2].model).toBe(CHEAP);
		});

		it('under Continue (error output) goes to the error output with its input fields, paired', async () => {
			const run = await runWorkflow(failingOnSecondItem('continueErrorOutput'), {
				credentials: credentials(),
				inputItems: inputs,
			});
			expect(run.status).toBe('success');
			expect(outputJson(run, ROUTED_CHAT, 0).map((item) => item.model)).toEqual([CHEAP, CHEAP]);
			expect(pairedIndexes(run, ROUTED_CHAT, 0)).toEqual([0, 2]);
			expect(outputJson(run, ROUTED_CHAT, 1)).toEqual([
				{
					text: 'two',
					model: 'rejects/model',
					error: expect.stringContaining('Item 1: 400 context length exceeded'),
					details: {
						reason: 'bad_request',
						attempts: [expect.objectContaining({ model: 'rejects/model', status: 400 })],
					},
				},
			]);
			expect(pairedIndexes(run, ROUTED_CHAT, 1)).toEqual([1]);
			expect(outputJson(run, 'Failed')).toHaveLength(1);
		});
	});

	describe('bad parameters', () => {
		it.each([
			[
				{ routing: 'tier', tier: '={{ "medium" }}', cheapModels: CHEAP },
				'Item 0: tier: Tier is "medium"',
				'must give "cheap" or "strong"',
			],
			[pinned('={{ $json.noSuchField }}'), 'Item 0: model: No model ID is set', 'Pick a model'],
			[pinned('openai/gpt 4o'), 'Item 0: model: "openai/gpt 4o" is not a model ID', 'no spaces'],
			[
				pinned(CHEAP, { fallbackModels: `${BACKUP}, ${CHEAP}` }),
				`Item 0: fallbackModels: ${CHEAP} is listed twice`,
				'Remove the repeat',
			],
			[
				pinned(CHEAP, { options: { maxTokens: -5 } }),
				'Item 0: options.maxTokens: Max Tokens must be a whole number of at least 1',
				undefined,
			],
			[
				pinned(CHEAP, { options: { temperature: 3 } }),
				'Item 0: options.temperature: Temperature must be between 0 and 2',
				undefined,
			],
			[
				pinned(CHEAP, { options: { maxCostPerExecutionUsd: -1 } }),
				'Max Cost per Execution must be 0 or more',
				undefined,
			],
			[
				{
					inputMode: 'messages',
					messages: '[{"role":"robot","content":"x"}]',
					routing: 'pinned',
					model: { __rl: true, mode: 'id', value: CHEAP },
				},
				'messages[0].role: role must be one of',
				undefined,
			],
		])('%j is refused with what to fix', async (parameters, message, hint) => {
			const run = await runWorkflow(chatWorkflow({ prompt: 'hi', ...parameters }), {
				credentials: credentials(),
				inputItems: textItems('x'),
			});
			expect(run.status).toBe('error');
			expect(run.error?.message).toContain(message);
			if (hint) expect(run.error?.description).toContain(hint);
			expect(chatRequests(fixture.gateway)).toHaveLength(0);
		});

		it('refuses a base URL that is not http(s)', async () => {
			const run = await runWorkflow(chatWorkflow(pinned(CHEAP)), {
				credentials: credentialsFor(fixture.gateway, { baseUrl: 'ftp://example.com/api' }),
				inputItems: textItems('x'),
			});
			expect(run.error?.message).toContain(
				'Base URL "ftp://example.com/api" is not an http(s) URL',
			);
		});
	});

	it('never lets the key reach an output, an error or a log line, even when the gateway echoes it', async () => {
		const key = fixture.gateway.apiKey;
		fixture.gateway.setModel(
			pricedModel('echoes/key', { down: { status: 401, message: `Invalid key ${key}` } }),
		);
		const run = await runWorkflow(
			chatWorkflow(pinned('echoes/key'), { onError: 'continueRegularOutput' }),
			{
				credentials: credentials(),
				inputItems: textItems('x'),
			},
		);
		expect(outputJson(run, ROUTED_CHAT)[0].error).toContain('Invalid key [redacted]');
		const failed = await runWorkflow(chatWorkflow(pinned('echoes/key')), {
			credentials: credentials(),
			inputItems: textItems('x'),
		});
		expect(failed.error?.message).toContain('[redacted]');
		fixture.gateway.setModel(pricedModel('answers/key', { reply: `Your key is ${key}.` }));
		const served = await runWorkflow(chatWorkflow(pinned('answers/key')), {
			credentials: credentials(),
			inputItems: textItems('x'),
		});
		expect(outputJson(served, ROUTED_CHAT)[0].content).toBe('Your key is [redacted].');
		for (const everything of [run, failed, served])
			expect(JSON.stringify(everything)).not.toContain(key);
		expect(fixture.gateway.requests.at(-1)?.headers.authorization).toBe(`Bearer ${key}`);
	});

	it('sends the attribution headers from the credential', async () => {
		await runWorkflow(chatWorkflow(pinned(CHEAP)), {
			credentials: credentialsFor(fixture.gateway, {
				appUrl: 'https://example.com',
				appName: 'Ticket triage',
			}),
			inputItems: textItems('x'),
		});
		expect(chatRequests(fixture.gateway)[0].headers).toEqual(
			expect.objectContaining({
				'http-referer': 'https://example.com',
				'x-title': 'Ticket triage',
			}),
		);
	});

	it('sends an attribution header as n8n does: characters outside Latin-1 dropped', async () => {
		await runWorkflow(chatWorkflow(pinned(CHEAP)), {
			credentials: credentialsFor(fixture.gateway, { appName: 'Équipe 自动化' }),
			inputItems: textItems('x'),
		});
		// The header arrives as Latin-1 bytes; Node's server reads each byte as one character.
		expect(chatRequests(fixture.gateway)[0].headers['x-title']).toBe('Équipe');
	});

	describe('the credential test', () => {
		it('passes with a good key', async () => {
			const data = credentialsFor(fixture.gateway).routedChatOpenRouterApi;
			expect(await testCredential('routedChatOpenRouterApi', data)).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
		});

		it('fails with a bad key, saying why', async () => {
			const data = credentialsFor(fixture.gateway, {
				apiKey: 'sk-or-wrong',
			}).routedChatOpenRouterApi;
			const result = await testCredential('routedChatOpenRouterApi', data);
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/Unauthorized|401/);
		});
	});

	it('lists models with their price per million tokens and context length', async () => {
		const { results } = await runListSearch(
			'n8n-nodes-routed-chat.routedChat',
			'searchModels',
			credentials(),
		);
		expect(results.map((result) => result.value)).toEqual([BACKUP, CHEAP, DOWN, STRONG]);
		// Two decimals at least, context kept, short enough for the panel's default width.
		const strong = results.find((result) => result.value === STRONG)?.name ?? '';
		expect(strong).toMatch(/^strong\/large · \d+k ctx · \$3\.00 in \/ \$15\.00 out per 1M$/);
		expect(strong.length).toBeLessThanOrEqual(60);
		expect(results.find((result) => result.value === CHEAP)?.name).toContain(
			'$0.10 in / $0.40 out per 1M',
		);
		const filtered = await runListSearch(
			'n8n-nodes-routed-chat.routedChat',
			'searchModels',
			credentials(),
			'cheap',
		);
		expect(filtered.results.map((result) => result.value)).toEqual([CHEAP]);
	});
});
