import { runWorkflow } from './harness';
import {
	chatWorkflow,
	credentialsFor,
	outputJson,
	pairedIndexes,
	pinned,
	ROUTED_CHAT,
	ruleRouted,
} from './support';
import type { IDataObject } from 'n8n-workflow';

import type { Usage } from '../../nodes/RoutedChat/core';

import {
	chargedUsd,
	chatRequests,
	mockGatewayFixture,
	pricedModel,
	requestedModels,
} from '../mock-gateway/jestFixture';

const CHEAP = 'cheap/small';
const STRONG = 'strong/large';
const PINNED = 'special/model';

/** USD per token, as the mock gateway publishes it for the tiers. */
const PRICING: Record<string, { prompt: string; completion: string }> = {
	[CHEAP]: { prompt: '0.00000015', completion: '0.0000006' },
	[STRONG]: { prompt: '0.000003', completion: '0.000015' },
};

const ticketSchema = JSON.stringify({
	type: 'object',
	properties: { category: { enum: ['billing', 'bug', 'other'] } },
	required: ['category'],
	additionalProperties: false,
});

describe('spending less in n8n', () => {
	const fixture = mockGatewayFixture([
		pricedModel(CHEAP, { pricing: PRICING[CHEAP] }),
		pricedModel(STRONG, { pricing: PRICING[STRONG] }),
		pricedModel(PINNED),
	]);
	const credentials = () => credentialsFor(fixture.gateway);

	it('routes each item by the first matching rule and says which in `route`', async () => {
		const rules = {
			rule: [
				{
					condition: 'fieldEquals',
					field: 'customer.plan',
					value: 'enterprise',
					target: 'model',
					model: PINNED,
				},
				{ condition: 'promptTokensAbove', tokens: 50, target: 'strong' },
				{ condition: 'promptContains', keywords: 'refund, lawyer', target: 'strong' },
			],
		};
		const run = await runWorkflow(
			chatWorkflow(ruleRouted(rules, { cheap: CHEAP, strong: STRONG })),
			{
				credentials: credentials(),
				inputItems: [
					{ text: 'hello', customer: { plan: 'enterprise' } },
					{ text: 'x'.repeat(400) },
					{ text: 'I want a REFUND now' },
					{ text: 'what are your opening hours?' },
				],
			},
		);
		expect(outputJson(run, ROUTED_CHAT).map((item) => [item.route, item.model])).toEqual([
			['rule 1: customer.plan is "enterprise"', PINNED],
			['rule 2: prompt over 50 tokens', STRONG],
			['rule 3: prompt mentions refund / lawyer', STRONG],
			['default', CHEAP],
		]);
	});

	it('refuses a rule regex that does not compile, naming the rule', async () => {
		const run = await runWorkflow(
			chatWorkflow({
				prompt: 'x',
				routing: 'rules',
				rules: { rule: [{ condition: 'promptMatches', pattern: '(unclosed', target: 'strong' }] },
				cheapModels: CHEAP,
				strongModels: STRONG,
			}),
			{ credentials: credentials(), inputItems: [{}] },
		);
		expect(run.error?.message).toContain(
			'Item 0: rules[1].pattern: "(unclosed" is not a valid regex',
		);
	});

	it('cascades: keeps cheap answers that match the schema, escalates the rest, and pays for every call', async () => {
		fixture.gateway.setModel(
			pricedModel(CHEAP, {
				pricing: PRICING[CHEAP],
				reply: (request) =>
					String(request.body.messages.at(-1)?.content).includes('printer')
						? '{"category":"hardware"}'
						: '{"category":"billing"}',
			}),
		);
		fixture.gateway.setModel(
			pricedModel(STRONG, {
				pricing: PRICING[STRONG],
				reply: '{"category":"other"}',
			}),
		);
		const run = await runWorkflow(
			chatWorkflow({
				prompt: '={{ $json.text }}',
				routing: 'cascade',
				cheapModels: CHEAP,
				strongModels: STRONG,
				cascadeChecks: { notTruncated: true },
				options: {
					responseFormat: 'json_schema',
					jsonSchema: ticketSchema,
					retries: 0,
					costSummary: true,
				},
			}),
			{
				credentials: credentials(),
				inputItems: [{ text: 'my invoice is wrong' }, { text: 'the printer is on fire' }],
			},
		);

		const [kept, escalated, summaryItem] = outputJson(run, ROUTED_CHAT);
		expect(kept).toEqual(
			expect.objectContaining({
				model: CHEAP,
				json: { category: 'billing' },
				escalated: false,
				route: 'cascade',
			}),
		);
		expect(escalated).toEqual(
			expect.objectContaining({
				model: STRONG,
				json: { category: 'other' },
				escalated: true,
				tier: 'strong',
			}),
		);
		expect(escalated.escalationReason).toContain('does not match the JSON schema');
		const attempts = escalated.attempts as Array<{ stage: string; model: string; usage: Usage }>;
		expect(attempts.map((attempt) => attempt.stage)).toEqual(['cheap', 'strong']);
		// Published price × the tokens the gateway counted, for the cheap call and the strong one.
		const listed = attempts.reduce(
			(sum, { model, usage }) =>
				sum +
				usage.promptTokens * Number(PRICING[model].prompt) +
				usage.completionTokens * Number(PRICING[model].completion),
			0,
		);
		expect(escalated.cost).toEqual({ totalUsd: expect.closeTo(listed, 12), source: 'gateway' });

		const summary = summaryItem.summary as Record<string, unknown>;
		expect(summary).toEqual(
			expect.objectContaining({
				items: 2,
				served: 2,
				failed: 0,
				escalated: 1,
				strongestModel: STRONG,
			}),
		);
		// What the gateway charged the key for the three calls, by its own books, is the total.
		expect(summary.totalCostUsd).toBeCloseTo(await chargedUsd(fixture.gateway), 12);
		const nano = (usd: number) => Math.round(usd * 1e9);
		expect(nano(summary.totalCostUsd as number)).toBe(
			nano((kept.cost as { totalUsd: number }).totalUsd) +
				nano((escalated.cost as { totalUsd: number }).totalUsd),
		);
		expect((summary.byModel as Record<string, { calls: number }>)[CHEAP].calls).toBe(2);
		expect(summary.savedUsd).toBeGreaterThan(0);
		expect(run.outputs[ROUTED_CHAT][0][2].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it.each(['continueRegularOutput', 'continueErrorOutput'] as const)(
		'the Cost Summary Item reconciles with what the gateway charged, failed items included (%s)',
		async (onError) => {
			// Both tiers answer JSON but for 'bad' (cheap) and 'worse' (strong): items 0, 4 and 8 fail after three paid calls.
			const answers = (model: string, refuses: string) =>
				pricedModel(model, {
					pricing: PRICING[model],
					reply: (request) =>
						String(request.body.messages.at(-1)?.content).includes(refuses) ? 'nope' : '{}',
				});
			fixture.gateway.setModel(answers(CHEAP, 'bad'));
			fixture.gateway.setModel(answers(STRONG, 'worse'));
			const inputs = Array.from({ length: 12 }, (_, index) => ({
				text:
					index % 4 === 0 ? `worse bad ${index}` : index % 3 === 0 ? `bad ${index}` : `${index}`,
			}));
			const run = await runWorkflow(
				chatWorkflow(
					{
						prompt: '={{ $json.text }}',
						routing: 'cascade',
						cheapModels: CHEAP,
						strongModels: STRONG,
						options: { responseFormat: 'json_object', retries: 0, costSummary: true },
					},
					{ onError },
				),
				{ credentials: credentials(), inputItems: inputs },
			);

			const regular = outputJson(run, ROUTED_CHAT);
			const summary = regular.pop()?.summary as Record<string, number>;
			const failed = [...regular.filter((item) => item.error), ...outputJson(run, ROUTED_CHAT, 1)];
			const served = regular.filter((item) => !item.error);
			expect([served.length, failed.length]).toEqual([9, 3]);
			const nano = (usd: number) => Math.round(usd * 1e9);
			type Paid = { outcome: string; costUsd?: number; usage: Usage };
			const attemptsOf = (item: IDataObject) =>
				(item.attempts ?? (item.details as IDataObject).attempts) as Paid[];
			const servedNano = served.reduce(
				(sum, item) => sum + nano((item.cost as { totalUsd: number }).totalUsd),
				0,
			);
			const failedNano = failed
				.flatMap(attemptsOf)
				.reduce((sum, attempt) => sum + nano(attempt.costUsd ?? 0), 0);
			const charged = nano(await chargedUsd(fixture.gateway));
			expect(servedNano + failedNano).toBe(charged);
			expect(nano(summary.totalCostUsd)).toBe(charged);
			// Each served item's kept answer, its tokens at the strong tier's list price.
			const strongestOnly = served.reduce((sum, item) => {
				const { usage } = attemptsOf(item).filter((attempt) => attempt.outcome === 'success')[0];
				return (
					sum +
					nano(
						usage.promptTokens * Number(PRICING[STRONG].prompt) +
							usage.completionTokens * Number(PRICING[STRONG].completion),
					)
				);
			}, 0);
			expect(nano(summary.strongestOnlyCostUsd)).toBe(strongestOnly);
			expect(nano(summary.savedUsd)).toBe(strongestOnly - servedNano);
		},
	);

	it('skips a model whose worst case is over the per-item budget', async () => {
		const run = await runWorkflow(
			chatWorkflow(
				pinned(STRONG, {
					fallbackModels: CHEAP,
					options: { maxCostPerItemUsd: 0.001, maxTokens: 500 },
				}),
			),
			{ credentials: credentials(), inputItems: [{ text: 'short question' }] },
		);
		const [item] = outputJson(run, ROUTED_CHAT);
		expect(item.model).toBe(CHEAP);
		expect(item.attempts).toEqual([
			expect.objectContaining({ model: STRONG, outcome: 'skipped', skipped: 'over budget' }),
			expect.objectContaining({ model: CHEAP, outcome: 'success' }),
		]);
	});

	it('asks for Max Tokens when a per-item budget is set without it', async () => {
		const run = await runWorkflow(
			chatWorkflow(pinned(CHEAP, { options: { maxCostPerItemUsd: 0.01 } })),
			{ credentials: credentials(), inputItems: [{ text: 'x' }] },
		);
		expect(run.error?.message).toContain('Max Cost per Item needs Max Tokens');
	});

	it('fails later items with "Budget reached" once the execution has spent its limit, never silently', async () => {
		const inputs = Array.from({ length: 5 }, (_, index) => ({ text: `question ${index}` }));
		const parameters = pinned(STRONG, {
			options: { maxCostPerExecutionUsd: 0.0006, maxTokens: 20, concurrency: 1 },
		});
		const run = await runWorkflow(chatWorkflow(parameters, { onError: 'continueRegularOutput' }), {
			credentials: credentials(),
			inputItems: inputs,
		});

		const items = outputJson(run, ROUTED_CHAT);
		expect(pairedIndexes(run, ROUTED_CHAT)).toEqual([0, 1, 2, 3, 4]);
		const served = items.filter((item) => item.model === STRONG).length;
		expect(served).toBeGreaterThan(0);
		expect(served).toBeLessThan(5);
		for (const item of items.slice(served)) {
			expect(item).toEqual(
				expect.objectContaining({
					reason: 'budget_reached',
					error: expect.stringContaining('Budget reached: this execution has spent $'),
				}),
			);
		}
		expect(chatRequests(fixture.gateway)).toHaveLength(served);

		const stopped = await runWorkflow(chatWorkflow(parameters), {
			credentials: credentials(),
			inputItems: inputs,
		});
		expect(stopped.status).toBe('error');
		expect(stopped.error?.message).toMatch(/^Item \d: Budget reached/);
	});
});

describe('budgets at the default concurrency of 10, with a gateway that reports no cost', () => {
	// $1 / $2 per million tokens and 100 completion tokens an answer: with Max Tokens 100 and a
	// prompt of 3 tokens ('question N'), every call costs its worst case at list prices, 203,000
	// nano-dollars; the worst case a cap reserves adds the 5% fee of a call with the user's own
	// provider key (BYOK): 213,150.
	const PRICED = 'vendor-a/no-cost-reported';
	const FALLBACK = 'vendor-b/no-cost-reported';
	const fixture = mockGatewayFixture([
		pricedModel(PRICED, { reportCost: false, completionTokens: 100, latencyMs: 20 }),
		pricedModel(FALLBACK, { reportCost: false, completionTokens: 100 }),
	]);
	const inputs = Array.from({ length: 20 }, (_, index) => ({ text: `question ${index % 10}` }));
	const spentUsd = (item: IDataObject) =>
		(item.attempts as Array<{ costUsd?: number | null }>).reduce(
			(sum, attempt) => sum + (attempt.costUsd ?? 0),
			0,
		);

	it('Max Cost per Execution: concurrent items never spend more than the cap together', async () => {
		const run = await runWorkflow(
			chatWorkflow(
				pinned(PRICED, { options: { maxCostPerExecutionUsd: 0.0005, maxTokens: 100 } }),
				{ onError: 'continueRegularOutput' },
			),
			{ credentials: credentialsFor(fixture.gateway), inputItems: inputs },
		);

		const items = outputJson(run, ROUTED_CHAT);
		const served = items.filter((item) => item.model === PRICED);
		// Two worst cases (426,300) fit under 500,000 at once; after both (406,000 spent), a third does not.
		expect(served).toHaveLength(2);
		expect(items.filter((item) => item.reason === 'budget_reached')).toHaveLength(18);
		expect(served.map((item) => item.cost)).toEqual([
			{ totalUsd: 0.000203, source: 'estimate' },
			{ totalUsd: 0.000203, source: 'estimate' },
		]);
		expect(await chargedUsd(fixture.gateway)).toBe(0.000406);
	});

	it('Max Cost per Item: a fallback that would take the item over its cap is not called', async () => {
		fixture.gateway.setModel(
			pricedModel(PRICED, { reportCost: false, completionTokens: 100, reply: 'not json' }),
		);
		const run = await runWorkflow(
			chatWorkflow(
				pinned(PRICED, {
					fallbackModels: FALLBACK,
					options: { maxCostPerItemUsd: 0.0003, maxTokens: 100, responseFormat: 'json_object' },
				}),
				{ onError: 'continueRegularOutput' },
			),
			{ credentials: credentialsFor(fixture.gateway), inputItems: inputs.slice(0, 10) },
		);

		const items = outputJson(run, ROUTED_CHAT);
		expect(items).toHaveLength(10);
		for (const item of items) {
			expect(item.attempts).toEqual([
				expect.objectContaining({ model: PRICED, kind: 'invalid_output', costUsd: 0.000203 }),
				expect.objectContaining({ model: FALLBACK, outcome: 'skipped', skipped: 'over budget' }),
			]);
			expect(spentUsd(item)).toBeLessThanOrEqual(0.0003);
		}
		expect(requestedModels(fixture.gateway).flat()).not.toContain(FALLBACK);
	});
});
