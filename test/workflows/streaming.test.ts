import type { IDataObject, INodeParameters, StructuredChunk } from 'n8n-workflow';

import { runWorkflow, type WorkflowDefinition } from './harness';
import {
	chatWorkflow,
	credentialsFor,
	outputJson,
	pairedIndexes,
	pinned,
	ROUTED_CHAT,
} from './support';
import {
	mockGatewayFixture,
	pricedModel,
	pricedModelUsd,
	requestedModels,
} from '../mock-gateway/jestFixture';
import { generationLookups, waitForRequestsClosed } from '../mock-gateway/receivedRequests';
import { manualTimeouts } from '../transport/manualTimeouts';

const mockTimeouts = manualTimeouts();
// The node builds its own client: its attempt timeouts pass when a test expires them, not by a timer.
jest.mock('../../nodes/RoutedChat/transport/attemptTimeout', () => ({
	timerTimeout: (ms: number) => mockTimeouts.timeoutSignal(ms),
}));

const SERVES = 'vendor/serves';
const DOWN = 'vendor/down';
const BACKUP = 'vendor/backup';
const JSON_MODEL = 'vendor/json';
/** Answers a minute late: in a test, never before its request is aborted. */
const LATE = 'vendor/late';
/** Bills far more completion tokens than Max Tokens allows, as a provider that ignores the cap may. */
const OVERRUNS = 'vendor/overruns';
/** Scripted per test (streamGate): its stream breaks when the test says. */
const BREAKS = 'vendor/breaks';
/** Streams its first word, then nothing more: a provider that stalls mid-answer. */
const STALLS = 'vendor/stalls';
/** Answers with a call to a function, though no tool is offered. */
const CALLS_UNOFFERED = 'vendor/calls-unoffered';
/** Reasons before it answers (when asked to): 25 tokens of reasoning at the mock's 4 characters a token. */
const THINKS = 'vendor/thinks';

/** A chunk as a reader of the NDJSON sees it: its type and text, for one item. */
type Seen = [StructuredChunk['type'], string?];

/** The chunks of an item whose prompt is 'hello' once the fallback, BACKUP, serves it. */
const BACKUP_STREAMS_HELLO: Seen[] = [
	['begin'],
	['item', `${BACKUP} `],
	['item', 'answered: '],
	['item', 'hello'],
	['end'],
];

describe('Routed Chat streams in streaming mode (Webhook with Streaming, Chat Trigger)', () => {
	const fixture = mockGatewayFixture([
		pricedModel(SERVES),
		pricedModel(DOWN, { down: { status: 503 } }),
		pricedModel(BACKUP),
		pricedModel(JSON_MODEL, { reply: '{"answer": "yes"}' }),
		pricedModel(LATE, { latencyMs: 60_000 }),
		pricedModel(OVERRUNS, { completionTokens: 1000 }),
		pricedModel(STALLS, {
			streamGate: async (index) => {
				if (index > 0) await new Promise<never>(() => {});
			},
		}),
		pricedModel(CALLS_UNOFFERED, {
			toolUse: { name: 'eval', arguments: '{"code":"17*23"}', madeUp: true },
		}),
		pricedModel(THINKS, {
			reasoning: 'First the question, then the facts. '.repeat(3).slice(0, 100),
		}),
	]);
	const credentials = () => credentialsFor(fixture.gateway);

	/** Runs in streaming mode and keeps every chunk Routed Chat sent, in order, showing each to `onChunk`. */
	async function streamedRun(
		workflow: WorkflowDefinition,
		texts: string[],
		onChunk?: (chunk: StructuredChunk) => void,
	) {
		const chunks: StructuredChunk[] = [];
		const run = await runWorkflow(workflow, {
			credentials: credentials(),
			inputItems: texts.map((text) => ({ text })),
			onChunk: (chunk) => {
				chunks.push(chunk);
				onChunk?.(chunk);
			},
		});
		for (const chunk of chunks) expect(chunk.metadata.nodeName).toBe(ROUTED_CHAT);
		const ofItem = (itemIndex: number): Seen[] =>
			chunks
				.filter((chunk) => chunk.metadata.itemIndex === itemIndex)
				.map((chunk) => (chunk.content === undefined ? [chunk.type] : [chunk.type, chunk.content]));
		return { run, chunks, ofItem };
	}

	const text = (seen: Seen[]) =>
		seen
			.filter(([type]) => type === 'item')
			.map(([, content]) => content)
			.join('');

	it("streams each item's answer: begin, its words as item chunks, then end", async () => {
		const inputs = ['first', 'second'];
		const { run, ofItem } = await streamedRun(chatWorkflow(pinned(SERVES)), inputs);

		expect(run.status).toBe('success');
		expect(pairedIndexes(run, ROUTED_CHAT)).toEqual([0, 1]);
		const answers = inputs.map((input) => `${SERVES} answered: ${input}`);
		expect(outputJson(run, ROUTED_CHAT).map((item) => item.content)).toEqual(answers);
		inputs.forEach((input, itemIndex) => {
			const seen = ofItem(itemIndex);
			expect(seen).toEqual([
				['begin'],
				['item', `${SERVES} `],
				['item', 'answered: '],
				['item', input],
				['end'],
			]);
			expect(text(seen)).toBe(answers[itemIndex]);
		});
	});

	it('the output item is the one a run without streaming gives, apart from latency and generation id', async () => {
		const workflow = chatWorkflow(pinned(DOWN, { fallbackModels: BACKUP }));
		const streamed = await streamedRun(workflow, ['same question']);
		fixture.gateway.reset();
		const whole = await runWorkflow(workflow, {
			credentials: credentials(),
			inputItems: [{ text: 'same question' }],
		});

		expect(streamed.chunks).not.toHaveLength(0);
		const [item] = outputJson(streamed.run, ROUTED_CHAT);
		expect(withoutLatency(item)).toEqual(withoutLatency(outputJson(whole, ROUTED_CHAT)[0]));
		expect(item).toMatchObject({
			content: `${BACKUP} answered: same question`,
			model: BACKUP,
			provider: 'vendor-provider',
			usage: { promptTokens: expect.any(Number), completionTokens: expect.any(Number) },
			cost: { totalUsd: expect.any(Number), source: 'gateway' },
		});
	});

	it.each([
		['an error status', { status: 503 }],
		['a stream that breaks before its first token', { kind: 'stream-error', afterChunks: 0 }],
	] as const)(
		'falls back before the first token (%s): no chunk from the failed model',
		async (_, fault) => {
			fixture.gateway.setModel(pricedModel(SERVES, { faults: [fault] }));
			const { run, ofItem } = await streamedRun(
				chatWorkflow(pinned(SERVES, { fallbackModels: BACKUP, options: { retries: 0 } })),
				['hello'],
			);

			const [item] = outputJson(run, ROUTED_CHAT);
			expect(item).toMatchObject({ model: BACKUP, fallbackUsed: true });
			expect(item.attempts).toEqual([
				expect.objectContaining({ model: SERVES, outcome: 'error' }),
				expect.objectContaining({ model: BACKUP, outcome: 'success' }),
			]);
			expect(ofItem(0)).toEqual(BACKUP_STREAMS_HELLO);
		},
	);

	it.each([
		[
			'a call to a function though no tool is offered (tool-call pieces are not chunks)',
			CALLS_UNOFFERED,
			{},
			{
				kind: 'invalid_output',
				error: expect.stringMatching(/calls eval, but no tool was offered/),
			},
		],
		[
			'reasoning that used up Max Tokens (reasoning is not sent as chunks)',
			THINKS,
			{ reasoningEffort: 'high', maxTokens: 10 },
			{ kind: 'empty_response', error: expect.stringMatching(/Raise Max Tokens/) },
		],
	] as const)(
		'an answer that sent no chunk falls over as it would unstreamed: %s',
		async (_, model, options, refusal) => {
			const { run, ofItem } = await streamedRun(
				chatWorkflow(pinned(model, { fallbackModels: BACKUP, options })),
				['hello'],
			);

			expect(run.error?.message).toBeUndefined();
			const [item] = outputJson(run, ROUTED_CHAT);
			expect(item).toMatchObject({ model: BACKUP, fallbackUsed: true });
			const attempts = item.attempts as IDataObject[];
			expect(attempts).toEqual([
				expect.objectContaining({ model, outcome: 'error', ...refusal }),
				expect.objectContaining({ model: BACKUP, outcome: 'success' }),
			]);
			// The refused answer was paid for: its cost stays in the attempt and the item's total.
			const [refused, served] = attempts.map((attempt) => attempt.costUsd as number);
			expect(refused).toBeCloseTo(
				pricedModelUsd(attempts[0].usage as { promptTokens: number; completionTokens: number }),
				12,
			);
			expect((item.cost as IDataObject).totalUsd).toBeCloseTo(refused + served, 12);
			expect(ofItem(0)).toEqual(BACKUP_STREAMS_HELLO);
			expect(requestedModels(fixture.gateway)).toEqual([[model], [BACKUP]]);
		},
	);

	it('a fault after the first token ends the stream with an error chunk naming the model; the item fails with its attempt', async () => {
		fixture.gateway.setModel(
			pricedModel(SERVES, {
				faults: [{ kind: 'stream-error', afterChunks: 2, message: 'Provider disconnected' }],
			}),
		);
		const { run, ofItem } = await streamedRun(
			chatWorkflow(pinned(SERVES, { fallbackModels: BACKUP }), {
				onError: 'continueErrorOutput',
			}),
			['hello'],
		);

		const broke = `${SERVES} failed after its answer began streaming: Gateway reported an error mid-stream: Provider disconnected`;
		expect(ofItem(0)).toEqual([
			['begin'],
			['item', `${SERVES} `],
			['item', 'answered: '],
			['error', `Item 0: ${broke}`],
		]);
		expect(outputJson(run, ROUTED_CHAT)).toEqual([]);
		const [failed] = outputJson(run, ROUTED_CHAT, 1);
		expect(failed.error).toBe(`Item 0: ${broke}`);
		expect((failed.details as IDataObject).attempts).toEqual([
			expect.objectContaining({ model: SERVES, outcome: 'error' }),
		]);
		// The answer was the first model's once it began: the fallback was never asked.
		expect(requestedModels(fixture.gateway)).toEqual([[SERVES]]);
	});

	it('an item whose every model fails before a token ends its stream with an error chunk', async () => {
		const { run, ofItem } = await streamedRun(
			chatWorkflow(pinned(DOWN, { options: { retries: 0 } }), { onError: 'continueRegularOutput' }),
			['hello'],
		);

		const [failed] = outputJson(run, ROUTED_CHAT);
		expect(failed.error).toEqual(expect.stringContaining('Every model failed'));
		expect(ofItem(0)).toEqual([['begin'], ['error', failed.error]]);
	});

	it('an item that Max Cost per Execution refuses before its start ends its stream with an error chunk', async () => {
		// The first answer bills 1000 completion tokens ($0.002) against a $0.001 cap: the cap is spent.
		const { run, ofItem } = await streamedRun(
			chatWorkflow(
				pinned(OVERRUNS, {
					options: { concurrency: 1, maxTokens: 10, maxCostPerExecutionUsd: 0.001 },
				}),
				{ onError: 'continueErrorOutput' },
			),
			['first', 'second'],
		);

		expect(outputJson(run, ROUTED_CHAT)).toEqual([expect.objectContaining({ model: OVERRUNS })]);
		const [refused] = outputJson(run, ROUTED_CHAT, 1);
		expect(refused.error).toMatch(/^Item 1: Budget reached/);
		expect((refused.details as IDataObject).reason).toBe('budget_reached');
		expect(ofItem(1)).toEqual([['begin'], ['error', refused.error]]);
		expect(requestedModels(fixture.gateway)).toEqual([[OVERRUNS]]);
	});

	it("without Continue On Fail, an item stopped by another item's failure says so in its error chunk", async () => {
		fixture.gateway.setModel(
			pricedModel(SERVES, { faults: [{ kind: 'stream-drop', afterChunks: 1 }] }),
		);
		// Each item asks the model its text names; item 1's never answers, so only item 0's failure ends it.
		const { run, ofItem } = await streamedRun(
			chatWorkflow({
				...pinned(SERVES),
				model: { __rl: true, mode: 'id', value: '={{ $json.text }}' },
			}),
			[SERVES, LATE],
		);

		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/^Item 0: /);
		expect(ofItem(1)).toEqual([['begin'], ['error', 'Item 1: Stopped: item 0 failed']]);
	});

	it('without Continue On Fail, an item waiting for its generation stats when another item fails is stopped, not ended', async () => {
		let statsAsked = () => {};
		const asked = new Promise<void>((resolve) => (statsAsked = resolve));
		let releaseStats = () => {};
		const released = new Promise<void>((resolve) => (releaseStats = resolve));
		// Item 1's stats are held at the gateway until item 0 has failed: item 1 is waiting for them then.
		fixture.gateway.setModel(
			pricedModel(SERVES, {
				generationStats: {
					hold: async () => {
						statsAsked();
						await released;
					},
				},
			}),
		);
		// Item 0's model streams its first word, then drops the connection once item 1 waits for its stats.
		fixture.gateway.setModel(
			pricedModel(BREAKS, {
				streamGate: async (index) => {
					if (index === 0) return;
					await asked;
					throw new Error('connection dropped');
				},
			}),
		);
		const { run, ofItem } = await streamedRun(
			chatWorkflow({
				...pinned(SERVES, { options: { generationStats: true } }),
				model: { __rl: true, mode: 'id', value: '={{ $json.text }}' },
			}),
			[BREAKS, SERVES],
			(chunk) => {
				if (chunk.type === 'error' && chunk.metadata.itemIndex === 0) releaseStats();
			},
		);

		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(`Item 0: ${BREAKS} failed after its answer began streaming`);
		expect(generationLookups(fixture.gateway)).toHaveLength(1);
		// Its answer streamed whole, but the item was still in flight: stopped, as the others are.
		const seen = ofItem(1);
		expect(text(seen)).toBe(`${SERVES} answered: ${SERVES}`);
		expect(seen.map(([type]) => type)).not.toContain('end');
		expect(seen.at(-1)).toEqual(['error', 'Item 1: Stopped: item 0 failed']);
		// Its paid answer still counts in the execution's spend; item 0's broken stream got none.
		expect(run.customData).toMatchObject({ routedChatCalls: '1', routedChatModels: SERVES });
	});

	it('Tier routing streams: the tier picks the chain before the first request', async () => {
		const { run, ofItem } = await streamedRun(
			chatWorkflow({
				prompt: '={{ $json.text }}',
				routing: 'tier',
				tier: 'strong',
				cheapModels: DOWN,
				strongModels: BACKUP,
			}),
			['hello'],
		);

		const [item] = outputJson(run, ROUTED_CHAT);
		expect(item).toMatchObject({ model: BACKUP, tier: 'strong', route: 'tier' });
		expect(text(ofItem(0))).toBe(item.content);
		expect(ofItem(0).at(-1)).toEqual(['end']);
	});

	it('a stream that stalls after its first token is ended by Timeout per Attempt, its connection closed', async () => {
		const { run, ofItem } = await streamedRun(
			chatWorkflow(pinned(STALLS, { options: { retries: 0, timeoutMs: 200 } }), {
				onError: 'continueRegularOutput',
			}),
			['hello'],
			// The first token is in and no other will come: the attempt's time runs out.
			(chunk) => {
				if (chunk.type === 'item') mockTimeouts.expire();
			},
		);

		const cut = `Item 0: ${STALLS} failed after its answer began streaming: No answer within the 200 ms attempt timeout`;
		expect(ofItem(0)).toEqual([['begin'], ['item', `${STALLS} `], ['error', cut]]);
		expect(outputJson(run, ROUTED_CHAT)).toEqual([expect.objectContaining({ error: cut })]);
		await waitForRequestsClosed(fixture.gateway);
	});

	it('cancelling the run ends a stream that stalls after its first token: the item says Cancelled and the connection closes', async () => {
		const cancel = new AbortController();
		const chunks: StructuredChunk[] = [];
		const run = await runWorkflow(chatWorkflow(pinned(STALLS)), {
			credentials: credentials(),
			inputItems: [{ text: 'hello' }],
			signal: cancel.signal,
			onChunk: (chunk) => {
				chunks.push(chunk);
				if (chunk.type === 'item') cancel.abort();
			},
		});

		expect(run.error?.message).toBe('Item 0: Cancelled');
		expect(chunks.map((chunk) => chunk.type).slice(0, 3)).toEqual(['begin', 'item', 'error']);
		await waitForRequestsClosed(fixture.gateway);
	});

	it('without Continue On Fail the broken stream fails the run, after its error chunk', async () => {
		fixture.gateway.setModel(
			pricedModel(SERVES, { faults: [{ kind: 'stream-drop', afterChunks: 1 }] }),
		);
		const { run, ofItem } = await streamedRun(chatWorkflow(pinned(SERVES)), ['hello']);

		expect(run.status).toBe('error');
		expect(run.error?.message).toContain(`${SERVES} failed after its answer began streaming`);
		const [, , ours, engines] = ofItem(0);
		expect(ofItem(0).map(([type]) => type)).toEqual(['begin', 'item', 'error', 'error']);
		expect(ours[1]).toContain(`${SERVES} failed after its answer began streaming`);
		// n8n's engine sends its own error chunk for a failed node: the error's description.
		expect(engines[1]).toContain(`Attempts:\n1. ${SERVES}: The stream broke`);
	});

	const served: Array<[string, INodeParameters]> = [
		['Stream Response is off', pinned(SERVES, { options: { streamResponse: false } })],
		[
			'the routing is a cascade',
			{
				prompt: '={{ $json.text }}',
				routing: 'cascade',
				cheapModels: SERVES,
				strongModels: BACKUP,
				cascadeChecks: {},
			},
		],
		[
			'the Response Format is a JSON Schema',
			pinned(JSON_MODEL, {
				options: {
					responseFormat: 'json_schema',
					jsonSchema: JSON.stringify({
						type: 'object',
						properties: { answer: { type: 'string' } },
						required: ['answer'],
					}),
				},
			}),
		],
		[
			'the Response Format is JSON Object',
			pinned(JSON_MODEL, { options: { responseFormat: 'json_object' } }),
		],
	];
	it.each(served)('sends no chunk when %s, and serves the item whole', async (_, parameters) => {
		const { run, chunks } = await streamedRun(chatWorkflow(parameters), ['hello']);

		expect(run.status).toBe('success');
		expect(outputJson(run, ROUTED_CHAT)).toEqual([
			expect.objectContaining({ content: expect.stringMatching(/answer/) }),
		]);
		expect(chunks).toEqual([]);
	});
});

/** An item's JSON without what differs between two runs of the same item: latencies, and the answer's own id. */
function withoutLatency(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutLatency);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value as IDataObject)
			.filter(([key]) => key !== 'latencyMs' && key !== 'generationId')
			.map(([key, field]) => [key, withoutLatency(field)]),
	);
}
