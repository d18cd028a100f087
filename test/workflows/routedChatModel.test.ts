/**
 * Routed Chat Model through n8n-core's engine: a root node pulls the model from
 * its `ai_languageModel` input, so n8n calls the sub-node's supplyData and its
 * LLM tracing writes the sub-node's run data. The harness cannot load
 * @n8n/n8n-nodes-langchain (not a dependency of this package), so the root node
 * is test/workflows/modelCaller.node.ts, which calls the model as the Basic LLM
 * Chain (invoke) and the AI Agent (bindTools, tool round trip) do; the real
 * Basic LLM Chain and AI Agent run it in `npm run test:e2e` (test/e2e/agentChecks.ts).
 */
import type { IDataObject } from 'n8n-workflow';

import { chatRequests, mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';
import { waitForChatRequests, waitForRequestsClosed } from '../mock-gateway/receivedRequests';
import type { ChatRequestBody } from '../mock-gateway/types';
import { runWorkflow } from './harness';
import { modelCalls, pinnedModel } from './routedChatModelSupport';
import { credentialsFor, modelCallerWorkflow, outputJson } from './support';

const SERVES = 'vendor-a/serves';
const DOWN = 'vendor-b/down';
const LIMITED = 'vendor-c/rate-limited';
const TOOLS = 'vendor-d/tool-user';
const GARBLED = 'vendor-e/garbled-arguments';
const PROSE = 'vendor-f/prose';

const nanoAt1and2PerMillion = (usage: IDataObject) =>
	Number(usage.promptTokens) * 1000 + Number(usage.completionTokens) * 2000;

describe('Routed Chat Model under a root node, in n8n-core', () => {
	const fixture = mockGatewayFixture([
		pricedModel(SERVES),
		pricedModel(DOWN, { down: { status: 503 } }),
		pricedModel(LIMITED, { down: { status: 429, retryAfter: '60' } }),
		pricedModel(TOOLS, { toolUse: { name: 'calculator', arguments: '{"input":"17*23"}' } }),
		pricedModel(GARBLED, { toolUse: { name: 'calculator', arguments: '{"input":"17*' } }),
		pricedModel(PROSE),
	]);

	it('falls back from a model that is down, and the run data shows models, attempts, tokens and cost', async () => {
		const run = await runWorkflow(
			modelCallerWorkflow(pinnedModel(DOWN, { fallbackModels: SERVES, options: { retries: 0 } })),
			{ credentials: credentialsFor(fixture.gateway), inputItems: [{ prompt: 'Hello there' }] },
		);

		expect(run.error).toBeUndefined();
		expect(outputJson(run, 'Model Caller')).toEqual([
			{ answer: `${SERVES} answered: Hello there` },
		]);
		const [call] = modelCalls(run);
		const routed = call.routedChat as IDataObject;
		expect(routed).toMatchObject({
			requestedModel: DOWN,
			model: SERVES,
			provider: 'vendor-a-provider',
			route: 'pinned',
			fallbackUsed: true,
			attempts: [
				expect.objectContaining({ model: DOWN, outcome: 'error', status: 503 }),
				expect.objectContaining({ model: SERVES, outcome: 'success' }),
			],
			cost: {
				source: 'gateway',
				totalUsd: nanoAt1and2PerMillion(routed.usage as IDataObject) / 1e9,
			},
		});
		expect(call.tokenUsage).toMatchObject({
			promptTokens: (routed.usage as IDataObject).promptTokens,
			completionTokens: (routed.usage as IDataObject).completionTokens,
		});
	});

	it('keeps the key out of the run data when a gateway error echoes it and a fallback serves', async () => {
		const key = fixture.gateway.apiKey;
		fixture.gateway.setModel(
			pricedModel('echoes/key', {
				down: { status: 503, message: `Overloaded for key ${key}` },
			}),
		);
		const run = await runWorkflow(
			modelCallerWorkflow(
				pinnedModel('echoes/key', { fallbackModels: SERVES, options: { retries: 0 } }),
			),
			{ credentials: credentialsFor(fixture.gateway), inputItems: [{ prompt: 'Hello there' }] },
		);

		const routed = modelCalls(run)[0].routedChat as IDataObject;
		expect(routed.attempts).toEqual([
			expect.objectContaining({
				model: 'echoes/key',
				error: expect.stringContaining('Overloaded for key [redacted]'),
			}),
			expect.objectContaining({ model: SERVES, outcome: 'success' }),
		]);
		expect(JSON.stringify(run)).not.toContain(key);
	});

	it('a 429 whose Retry-After is longer than it may wait moves on to the fallback at once', async () => {
		const run = await runWorkflow(
			modelCallerWorkflow(
				pinnedModel(LIMITED, { fallbackModels: SERVES, options: { retries: 2 } }),
			),
			{ credentials: credentialsFor(fixture.gateway), inputItems: [{ prompt: 'Hello there' }] },
		);

		const routed = modelCalls(run)[0].routedChat as IDataObject;
		expect(routed.attempts).toEqual([
			expect.objectContaining({ model: LIMITED, kind: 'rate_limited', status: 429, waitMs: 0 }),
			expect.objectContaining({ model: SERVES, outcome: 'success', waitMs: 0 }),
		]);
	});

	it('a tool round trip: the model calls the tool, then answers from its result; each call has its own run and cost', async () => {
		const run = await runWorkflow(modelCallerWorkflow(pinnedModel(TOOLS)), {
			credentials: credentialsFor(fixture.gateway),
			inputItems: [{ prompt: 'What is 17 times 23?', tool: true }],
		});

		expect(run.error).toBeUndefined();
		expect(outputJson(run, 'Model Caller')).toEqual([
			{
				toolCalls: [{ name: 'calculator', args: { input: '17*23' } }],
				answer: `${TOOLS} answered from the tool result: 391`,
			},
		]);
		const calls = modelCalls(run).map((call) => call.routedChat as IDataObject);
		expect(calls).toEqual([
			expect.objectContaining({ finishReason: 'tool_calls', toolCalls: ['calculator'] }),
			expect.objectContaining({ finishReason: 'stop' }),
		]);
		for (const call of calls)
			expect((call.cost as IDataObject).totalUsd).toBe(
				nanoAt1and2PerMillion(call.usage as IDataObject) / 1e9,
			);
	});

	it('a tool call whose arguments are not JSON falls over as invalid_output, so the agent gets a call it can run', async () => {
		const run = await runWorkflow(
			modelCallerWorkflow(pinnedModel(GARBLED, { fallbackModels: TOOLS, options: { retries: 0 } })),
			{
				credentials: credentialsFor(fixture.gateway),
				inputItems: [{ prompt: 'What is 17 times 23?', tool: true }],
			},
		);

		expect(run.error).toBeUndefined();
		expect(outputJson(run, 'Model Caller')).toEqual([
			{
				toolCalls: [{ name: 'calculator', args: { input: '17*23' } }],
				answer: `${GARBLED} answered from the tool result: 391`,
			},
		]);
		const [toolTurn] = modelCalls(run).map((call) => call.routedChat as IDataObject);
		expect(toolTurn).toMatchObject({ model: TOOLS, fallbackUsed: true });
		expect(toolTurn.attempts).toEqual([
			expect.objectContaining({ model: GARBLED, outcome: 'error', kind: 'invalid_output' }),
			expect.objectContaining({ model: TOOLS, outcome: 'success' }),
		]);
	});

	it('streams through the SDK adapter: the answer arrives as chunks and the call keeps its routing and cost', async () => {
		const run = await runWorkflow(
			modelCallerWorkflow(pinnedModel(DOWN, { fallbackModels: SERVES, options: { retries: 0 } })),
			{
				credentials: credentialsFor(fixture.gateway),
				inputItems: [{ prompt: 'Hello there', stream: true }],
			},
		);

		expect(run.error).toBeUndefined();
		expect(outputJson(run, 'Model Caller')).toEqual([
			{
				chunks: [`${SERVES} `, 'answered: ', 'Hello ', 'there'],
				answer: `${SERVES} answered: Hello there`,
				errors: [],
			},
		]);
		const [call] = modelCalls(run);
		expect(call.routedChat).toMatchObject({
			requestedModel: DOWN,
			model: SERVES,
			fallbackUsed: true,
		});
	});

	it("a streamed call's tokens reach n8n's tracing as counted, not estimated", async () => {
		const run = await runWorkflow(modelCallerWorkflow(pinnedModel(SERVES)), {
			credentials: credentialsFor(fixture.gateway),
			inputItems: [{ prompt: 'Hello there', stream: true }],
		});

		expect(run.error).toBeUndefined();
		const [call] = modelCalls(run);
		const usage = (call.routedChat as IDataObject).usage as IDataObject;
		expect(call.tokenUsageEstimate).toBeUndefined();
		expect(call.tokenUsage).toEqual({
			promptTokens: usage.promptTokens,
			completionTokens: usage.completionTokens,
			totalTokens: usage.totalTokens,
		});
	});

	it('asked to stream a JSON answer, routes it whole so that one that is not JSON falls over, then hands it over', async () => {
		fixture.gateway.setModel(pricedModel(SERVES, { reply: '{"answer": "yes"}' }));
		const run = await runWorkflow(
			modelCallerWorkflow(
				pinnedModel(PROSE, {
					fallbackModels: SERVES,
					options: { retries: 0, responseFormat: 'json_object' },
				}),
			),
			{
				credentials: credentialsFor(fixture.gateway),
				inputItems: [{ prompt: 'Answer in JSON', stream: true }],
			},
		);

		expect(run.error).toBeUndefined();
		expect(outputJson(run, 'Model Caller')).toEqual([
			{ chunks: ['{"answer": "yes"}'], answer: '{"answer": "yes"}', errors: [] },
		]);
		const [call] = modelCalls(run);
		expect(call.routedChat).toMatchObject({
			model: SERVES,
			fallbackUsed: true,
			attempts: [
				expect.objectContaining({ outcome: 'error', kind: 'invalid_output' }),
				expect.objectContaining({ outcome: 'success' }),
			],
		});
	});

	it("a stream that breaks after its first tokens fails the call, naming the model and the cause, as n8n's own chat models do", async () => {
		fixture.gateway.setModel(
			pricedModel(SERVES, {
				faults: [{ kind: 'stream-error', afterChunks: 2, message: 'Provider disconnected' }],
			}),
		);
		const run = await runWorkflow(
			modelCallerWorkflow(pinnedModel(SERVES, { fallbackModels: DOWN })),
			{
				credentials: credentialsFor(fixture.gateway),
				inputItems: [{ prompt: 'Hello there', stream: true }],
			},
		);

		expect(run.status).toBe('error');
		expect(run.error?.message).toContain(
			`${SERVES} failed after its answer began streaming: Gateway reported an error mid-stream: Provider disconnected`,
		);
		expect(
			fixture.gateway.requests.filter((r) => r.path.endsWith('/chat/completions')),
		).toHaveLength(1);
	});

	it("sends a call's provider, reasoning, seed and stop options as Routed Chat does", async () => {
		const run = await runWorkflow(
			modelCallerWorkflow(
				pinnedModel(SERVES, {
					options: {
						providerOnly: 'DeepInfra, Together',
						providerRequireParameters: true,
						maxTokens: 500,
						reasoningMaxTokens: 200,
						excludeReasoning: true,
						seed: 7,
						stop: 'END',
					},
				}),
			),
			{ credentials: credentialsFor(fixture.gateway), inputItems: [{ prompt: 'Hello' }] },
		);

		expect(run.error).toBeUndefined();
		expect(chatRequests(fixture.gateway).map((request) => request.body)).toEqual([
			expect.objectContaining({
				provider: { only: ['DeepInfra', 'Together'], require_parameters: true },
				max_tokens: 500,
				reasoning: { max_tokens: 200, exclude: true },
				seed: 7,
				stop: ['END'],
			}),
		]);
	});

	it("marks a call's message for the prompt cache, as Cache Control says", async () => {
		const run = await runWorkflow(
			modelCallerWorkflow(
				pinnedModel(SERVES, {
					options: { cacheControl: 'message', cacheMessageIndex: 0, cacheTtl: '1h' },
				}),
			),
			{ credentials: credentialsFor(fixture.gateway), inputItems: [{ prompt: 'Hello' }] },
		);

		expect(run.error).toBeUndefined();
		const [{ body }] = chatRequests(fixture.gateway);
		expect((body as ChatRequestBody).messages[0]).toEqual({
			role: 'user',
			content: [{ type: 'text', text: 'Hello', cache_control: { type: 'ephemeral', ttl: '1h' } }],
		});
	});

	it.each([
		['whole', false],
		['streamed', true],
	])(
		'cancelling the execution aborts a %s call in flight and tries no fallback',
		async (_how, stream) => {
			fixture.gateway.setModel(pricedModel('hangs/model', { down: { kind: 'hang' } }));
			const cancel = new AbortController();
			const running = runWorkflow(
				modelCallerWorkflow(
					pinnedModel('hangs/model', { fallbackModels: SERVES, options: { timeoutMs: 60_000 } }),
				),
				{
					credentials: credentialsFor(fixture.gateway),
					inputItems: [{ prompt: 'Hello there', stream }],
					signal: cancel.signal,
				},
			);
			await waitForChatRequests(fixture.gateway, 1);
			cancel.abort();
			const run = await running;

			expect(run.status).toBe('error');
			expect(run.error?.message).toMatch(/Cancelled/);
			await waitForRequestsClosed(fixture.gateway);
			expect(chatRequests(fixture.gateway).map((request) => request.chat?.tried)).toEqual([
				['hangs/model'],
			]);
		},
	);

	it('a parameter error names the field before any request is sent', async () => {
		const run = await runWorkflow(
			modelCallerWorkflow({ routing: 'tier', tier: 'strong', strongModels: '' }),
			{ credentials: credentialsFor(fixture.gateway), inputItems: [{ prompt: 'Hello' }] },
		);

		expect(run.status).toBe('error');
		expect(JSON.stringify(run.error)).toContain('strongModels');
		expect(fixture.gateway.requests.filter((r) => r.path.endsWith('/chat/completions'))).toEqual(
			[],
		);
	});
});
