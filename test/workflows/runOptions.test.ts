import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow } from './harness';
import { chatWorkflow, credentialsFor, outputJson, pinned, ROUTED_CHAT } from './support';
import { chatRequests, mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';

const CHEAP = 'cheap/small';

/** Concurrency, Max Cost per Execution and Cost Summary Item: read once, from the first item. */
describe('run-wide options', () => {
	const fixture = mockGatewayFixture([pricedModel(CHEAP)]);
	const run = (options: INodeParameters, items: IDataObject[], continueOnFail = false) =>
		runWorkflow(
			chatWorkflow(pinned(CHEAP, { options }), {
				onError: continueOnFail ? 'continueRegularOutput' : undefined,
			}),
			{ credentials: credentialsFor(fixture.gateway), inputItems: items },
		);

	it.each([
		[{ concurrency: '={{ "many" }}' }, 'Item 0: options.concurrency: Concurrency must be a number'],
		[
			{ maxCostPerExecutionUsd: '={{ -1 }}' },
			'Item 0: options.maxCostPerExecutionUsd: Max Cost per Execution must be 0 or more',
		],
		[{ costSummary: '={{ "yes" }}' }, 'Item 0: options.costSummary'],
		[
			{ concurrency: 500 },
			'Item 0: options.concurrency: Concurrency must be a whole number from 1 to 100',
		],
	])('a bad %j fails the run, naming the option, before any request', async (options, message) => {
		const result = await run(options, [{ text: 'a' }, { text: 'b' }]);
		expect(result.error?.message).toContain(message);
		expect(chatRequests(fixture.gateway)).toHaveLength(0);
	});

	it('under Continue On Fail, a bad one fails every item the same way, before any request', async () => {
		const result = await run({ concurrency: 0 }, [{ text: 'a' }, { text: 'b' }], true);
		expect(outputJson(result, ROUTED_CHAT).map((item) => item.error)).toEqual([
			expect.stringContaining(
				'options.concurrency: Concurrency must be a whole number from 1 to 100',
			),
			expect.stringContaining(
				'options.concurrency: Concurrency must be a whole number from 1 to 100',
			),
		]);
		expect(chatRequests(fixture.gateway)).toHaveLength(0);
	});

	it('an expression in one is read for the first item only', async () => {
		const result = await run({ concurrency: '={{ $json.limit }}' }, [
			{ text: 'a', limit: 2 },
			{ text: 'b', limit: 'not a number' },
		]);
		expect(outputJson(result, ROUTED_CHAT).map((item) => item.model)).toEqual([CHEAP, CHEAP]);
	});

	it("still apply when the first item's own options are bad", async () => {
		const result = await run(
			{ temperature: '={{ $json.temperature }}', costSummary: true },
			[
				{ text: 'a', temperature: 5 },
				{ text: 'b', temperature: 0.5 },
			],
			true,
		);
		const [first, second, summary] = outputJson(result, ROUTED_CHAT);
		expect(first.error).toContain(
			'Item 0: options.temperature: Temperature must be between 0 and 2',
		);
		expect(second.model).toBe(CHEAP);
		expect(summary).toEqual({ summary: expect.objectContaining({ items: 2 }) });
	});

	it('under Continue On Fail, a credential that cannot be used fails every item, and Cost Summary Item still closes the run', async () => {
		const unusable = credentialsFor(fixture.gateway, {
			baseUrl: fixture.gateway.baseUrl.replace('http://', 'http://someone:s3cret@'),
		});
		const result = await runWorkflow(
			chatWorkflow(pinned(CHEAP, { options: { costSummary: true } }), {
				onError: 'continueRegularOutput',
			}),
			{ credentials: unusable, inputItems: [{ text: 'a' }, { text: 'b' }] },
		);

		const [first, second, summary] = outputJson(result, ROUTED_CHAT);
		for (const [index, item] of [first, second].entries())
			expect(item.error).toMatch(new RegExp(`^Item ${index}: credentials\\.baseUrl: `));
		expect(summary).toEqual({
			summary: expect.objectContaining({ items: 2, served: 0, failed: 2, totalCostUsd: 0 }),
		});
		expect(chatRequests(fixture.gateway)).toHaveLength(0);
	});
});
