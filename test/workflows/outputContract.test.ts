import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from './harness';
import { textItems } from './inputItems';
import { startRawGateway } from './rawGateway';
import {
	chatWorkflow,
	credentialsFor,
	outputJson,
	pairedIndexes,
	pinned,
	ROUTED_CHAT,
	setNode,
} from './support';
import { mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';

const CHEAP = 'cheap/small';
const DOWN = 'down/model';
/** A price so low that a call costs a few nano-dollars: JavaScript writes such numbers as 1e-8. */
const TINY = 'tiny/model';

describe('the output contract through n8n', () => {
	const fixture = mockGatewayFixture([
		pricedModel(CHEAP),
		pricedModel(DOWN, { down: { status: 503 } }),
		pricedModel(TINY, { pricing: { prompt: '0.000000001', completion: '0' } }),
	]);
	const credentials = () => credentialsFor(fixture.gateway);

	it('gives fresh output items: input fields named content, model or error neither leak nor route a served item to the error output', async () => {
		const run = await runWorkflow(chatWorkflow(pinned(CHEAP), { onError: 'continueErrorOutput' }), {
			credentials: credentials(),
			inputItems: [{ text: 'hi', content: 'old', model: 'mine', error: 'earlier failure' }],
		});
		expect(run.status).toBe('success');
		const [served] = outputJson(run, ROUTED_CHAT, 0);
		expect(served).toEqual(
			expect.objectContaining({ content: `${CHEAP} answered: hi`, model: CHEAP }),
		);
		expect(served).not.toHaveProperty('error');
		expect(outputJson(run, ROUTED_CHAT, 1)).toEqual([]);
	});

	it("carries no binary data: the input's stays on the input item, reachable through pairing", async () => {
		const report = setNode('Report', { file: "={{ $('Start').item.binary.doc.fileName }}" });
		const run = await runWorkflow(chatWorkflow(pinned(CHEAP), { after: [report] }), {
			credentials: credentials(),
			inputItems: textItems('hi'),
			inputBinary: [{ doc: { mimeType: 'text/plain', data: 'aGk=', fileName: 'a.txt' } }],
		});
		expect(run.status).toBe('success');
		expect(run.outputs[ROUTED_CHAT]?.[0]?.[0]?.binary).toBeUndefined();
		expect(outputJson(run, 'Report')[0].file).toBe('a.txt');
	});

	it('under Continue (using error output) a bad parameter gives {...input, error, details: {hint, attempts: []}}', async () => {
		const run = await runWorkflow(
			chatWorkflow(pinned('={{ $json.model }}'), { onError: 'continueErrorOutput' }),
			{
				credentials: credentials(),
				inputItems: [
					{ text: 'one', model: CHEAP },
					{ text: 'two', model: 'bad model' },
				],
			},
		);
		expect(run.status).toBe('success');
		expect(pairedIndexes(run, ROUTED_CHAT, 0)).toEqual([0]);
		expect(outputJson(run, ROUTED_CHAT, 1)).toEqual([
			{
				text: 'two',
				model: 'bad model',
				error: 'Item 1: model: "bad model" is not a model ID',
				details: { hint: expect.any(String), attempts: [] },
			},
		]);
		expect(pairedIndexes(run, ROUTED_CHAT, 1)).toEqual([1]);
	});

	it('pairs the Cost Summary Item to every input, after the failed ones on the error output too', async () => {
		const run = await runWorkflow(
			chatWorkflow(pinned('={{ $json.model }}', { options: { retries: 0, costSummary: true } }), {
				onError: 'continueErrorOutput',
			}),
			{
				credentials: credentials(),
				inputItems: [
					{ text: 'one', model: CHEAP },
					{ text: 'two', model: DOWN },
					{ text: 'three', model: CHEAP },
				],
			},
		);
		expect(run.status).toBe('success');
		const served = run.outputs[ROUTED_CHAT]?.[0] ?? [];
		expect(served.map((item) => Object.keys(item.json)[0])).toEqual(['model', 'model', 'summary']);
		expect(served.at(-1)?.pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const summary = served.at(-1)?.json.summary as IDataObject;
		expect(summary).toEqual(expect.objectContaining({ items: 3, served: 2, failed: 1 }));
		const costs = outputJson(run, ROUTED_CHAT, 0)
			.slice(0, 2)
			.map((item) => (item.cost as { totalUsd: number }).totalUsd);
		expect(summary.totalCostUsd).toBeCloseTo(costs[0] + costs[1], 9);
		expect(pairedIndexes(run, ROUTED_CHAT, 1)).toEqual([1]);
	});

	it('returns each of 1,000 items once under Continue (using error output), failed before or after a call, with a summary that reconciles', async () => {
		const modelFor = (index: number) =>
			index % 10 === 3 ? DOWN : index % 10 === 7 ? 'bad model' : CHEAP;
		const inputs = Array.from({ length: 1_000 }, (_, index) => ({
			text: `item #${index}`,
			model: modelFor(index),
		}));
		const run = await runWorkflow(
			chatWorkflow(
				pinned('={{ $json.model }}', {
					options: { retries: 0, costSummary: true, concurrency: 20 },
				}),
				{ onError: 'continueErrorOutput' },
			),
			{ credentials: credentials(), inputItems: inputs },
		);
		expect(run.status).toBe('success');
		const served = outputJson(run, ROUTED_CHAT, 0);
		const summary = served.pop()?.summary as IDataObject;
		const failed = outputJson(run, ROUTED_CHAT, 1);
		const servedAt = pairedIndexes(run, ROUTED_CHAT, 0).slice(0, -1) as number[];
		const failedAt = pairedIndexes(run, ROUTED_CHAT, 1) as number[];
		expect([...servedAt, ...failedAt].sort((a, b) => a - b)).toEqual(inputs.map((_, i) => i));
		servedAt.forEach((index, at) =>
			expect(served[at].content).toBe(`${CHEAP} answered: item #${index}`),
		);
		failedAt.forEach((index, at) => {
			const { details, ...rest } = failed[at] as { details: IDataObject } & IDataObject;
			expect(rest).toEqual({ ...inputs[index], error: expect.stringMatching(`^Item ${index}: `) });
			// Once the breaker opens, the down model is skipped without a call.
			const down =
				details.reason === 'server_error'
					? { reason: 'server_error', attempts: [expect.objectContaining({ status: 503 })] }
					: {
							reason: 'exhausted',
							attempts: [expect.objectContaining({ skipped: 'circuit open' })],
						};
			expect(details).toEqual(
				inputs[index].model === DOWN ? down : { hint: expect.any(String), attempts: [] },
			);
		});
		expect(failedAt).toHaveLength(200);
		const servedCost = served.reduce(
			(sum, item) => sum + (item.cost as { totalUsd: number }).totalUsd,
			0,
		);
		expect(summary).toEqual(expect.objectContaining({ items: 1_000, served: 800, failed: 200 }));
		expect(summary.totalCostUsd).toBeCloseTo(servedCost, 9);
		expect(Number(run.customData.routedChatCostUsd)).toBeCloseTo(servedCost, 9);
		expect(run.customData.routedChatCalls).toBe('800');
	}, 120_000);

	it('stops a run without Continue On Fail with an error naming the item, the cause and every attempt', async () => {
		fixture.gateway.setModel(pricedModel('also/down', { down: { status: 502 } }));
		const run = await runWorkflow(
			chatWorkflow(pinned(DOWN, { fallbackModels: 'also/down', options: { retries: 0 } })),
			{ credentials: credentials(), inputItems: textItems('hi') },
		);
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe(
			'Item 0: Every model failed (2 attempts); the last: 502 Bad Gateway',
		);
		const attempts = run.error?.description?.split('\n');
		expect(attempts?.[0]).toBe('Attempts:');
		expect(attempts?.slice(1)).toEqual([
			`1. ${DOWN} [503]: 503 Service Unavailable`,
			'2. also/down [502]: 502 Bad Gateway',
		]);
	});

	it('keeps the item and the cause in the error when the cause names a system code such as ECONNRESET', async () => {
		// A gateway that drops every connection: the attempt fails with ECONNRESET.
		const dropping = await startRawGateway((_, response) => response.socket?.destroy());
		const run = await runWorkflow(chatWorkflow(pinned(CHEAP, { options: { retries: 0 } })), {
			credentials: credentialsFor(fixture.gateway, { baseUrl: `${dropping.origin}/api/v1` }),
			inputItems: textItems('hi'),
		}).finally(async () => await dropping.close());
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe(
			'Item 0: Every model failed (1 attempt); the last: Connection failed: ECONNRESET',
		);
		expect(run.error?.description).toBe(`Attempts:\n1. ${CHEAP}: Connection failed: ECONNRESET`);
	});

	it('writes a tiny cost to custom data as a plain decimal, never as 1e-8', async () => {
		const run = await runWorkflow(chatWorkflow(pinned(TINY)), {
			credentials: credentials(),
			inputItems: textItems('hi'),
		});
		expect(run.status).toBe('success');
		const [item] = outputJson(run, ROUTED_CHAT);
		const promptTokens = (item.usage as { promptTokens: number }).promptTokens;
		expect(run.customData.routedChatCostUsd).toMatch(/^0\.0{7}\d+$/);
		expect(Number(run.customData.routedChatCostUsd)).toBeCloseTo(promptTokens * 1e-9, 12);
	});

	it('keeps routedChatModels within 255 characters with many models, whole ids and a closing …', async () => {
		const models = Array.from(
			{ length: 30 },
			(_, index) => `provider-${index}/model-${index}-long-name`,
		);
		for (const model of models) fixture.gateway.setModel(pricedModel(model));
		const run = await runWorkflow(chatWorkflow(pinned('={{ $json.model }}')), {
			credentials: credentials(),
			inputItems: models.map((model) => ({ text: 'hi', model })),
		});
		expect(run.status).toBe('success');
		const listed = String(run.customData.routedChatModels);
		expect(listed.length).toBeLessThanOrEqual(255);
		const names = listed.split(',');
		expect(names.at(-1)).toBe('…');
		for (const name of names.slice(0, -1)) expect(models).toContain(name);
		expect(run.customData.routedChatCalls).toBe('30');
	});
});
