import {
	type Attempt,
	type CascadePlan,
	CircuitBreaker,
	PricingCache,
	RouteError,
	routeCascade,
} from '../../nodes/RoutedChat/core';
import { compileJsonSchema } from '../../nodes/RoutedChat/plan/compileJsonSchema';
import { fakeClock, gatewayFixture, plan, noRetries } from './support';
import { chargedUsd, pricedModel, requestedModels } from '../mock-gateway/jestFixture';

const CHEAP = 'cheap/model';
const CHEAP_2 = 'cheap/model-2';
const STRONG = 'strong/model';

const ticketSchema = {
	type: 'object',
	properties: { category: { enum: ['billing', 'bug', 'other'] }, confidence: { type: 'number' } },
	required: ['category'],
};

function cascade(overrides: Partial<CascadePlan> = {}, cheapModels = [CHEAP]): CascadePlan {
	return {
		cheap: plan(cheapModels, { tier: 'cheap', policy: noRetries }),
		strong: plan([STRONG], { tier: 'strong', policy: noRetries }),
		checks: {},
		repair: false,
		...overrides,
	};
}

describe('routeCascade', () => {
	const fixture = gatewayFixture([
		pricedModel(CHEAP, { pricing: { prompt: '0.0000001', completion: '0.0000002' } }),
		pricedModel(CHEAP_2),
		pricedModel(STRONG, { pricing: { prompt: '0.00001', completion: '0.00003' } }),
	]);
	const run = (cascadePlan: CascadePlan) =>
		routeCascade(cascadePlan, { client: fixture.client, clock: fakeClock() });

	it('accepts a cheap answer that passes every check and never calls the strong tier', async () => {
		fixture.gateway.setModel(pricedModel(CHEAP, { reply: 'A long enough and polite answer.' }));
		const result = await run(
			cascade({
				checks: { minLength: 10, mustMatch: /polite/, mustNotMatch: /sorry/, notTruncated: true },
			}),
		);
		expect(result).toEqual(
			expect.objectContaining({
				model: CHEAP,
				tier: 'cheap',
				escalated: false,
				escalationReason: null,
			}),
		);
		expect(requestedModels(fixture.gateway)).toEqual([[CHEAP]]);
	});

	it('keeps a cheap turn that calls tools: the checks apply to the answer that follows the results', async () => {
		fixture.gateway.setModel(
			pricedModel(CHEAP, { toolUse: { name: 'lookup', arguments: '{"ticket":7}' } }),
		);
		const lookup = { name: 'lookup', parameters: { type: 'object', properties: {} } };
		const result = await run(
			cascade({
				cheap: plan([CHEAP], { tier: 'cheap', policy: noRetries, completion: { tools: [lookup] } }),
				checks: { minLength: 10, mustMatch: /polite/ },
			}),
		);

		expect(result).toMatchObject({ model: CHEAP, escalated: false, finishReason: 'tool_calls' });
		expect(result.toolCalls).toEqual([expect.objectContaining({ input: { ticket: 7 } })]);
		expect(requestedModels(fixture.gateway)).toEqual([[CHEAP]]);
	});

	it.each([
		['min length', { minLength: 50 }, { reply: 'too short' }, 'shorter than the 50 required'],
		['must match', { mustMatch: /^\{/ }, { reply: 'plain text' }, 'does not match /^\\{/'],
		[
			'must not match',
			{ mustNotMatch: /as an ai/i },
			{ reply: 'As an AI I cannot' },
			'which it must not',
		],
		[
			'not cut off',
			{ notTruncated: true },
			{ finishReason: 'length' },
			'cut off at the token limit',
		],
		[
			'confidence',
			{ confidence: { field: 'confidence', min: 0.8 } },
			{ reply: '{"category":"bug","confidence":0.4}' },
			'confidence 0.4 is below 0.8',
		],
		[
			'confidence (given as text)',
			{ confidence: { field: 'confidence', min: 0.7 } },
			{ reply: '{"category":"bug","confidence":"0.8"}' },
			'no numeric "confidence" confidence field',
		],
		[
			'min length (on a blank answer)',
			{ minLength: 1 },
			{ reply: ' \n\t ' },
			'0 characters long, shorter than the 1 required',
		],
	])(
		'escalates when the cheap answer fails the %s check, and pays for both calls',
		async (_, checks, script, reason) => {
			fixture.gateway.setModel(pricedModel(CHEAP, script));
			fixture.gateway.setModel(
				pricedModel(STRONG, {
					reply: '{"category":"bug","confidence":0.95} and a long enough answer',
				}),
			);
			const result = await run(cascade({ checks }));

			expect(result.model).toBe(STRONG);
			expect(result.tier).toBe('strong');
			expect(result.escalated).toBe(true);
			expect(result.escalationReason).toContain(reason);
			expect(result.attempts.map((a) => [a.stage, a.servedBy])).toEqual([
				['cheap', CHEAP],
				['strong', STRONG],
			]);
			// What the gateway charged the key for the two answers, by its own books, is the cost.
			const charged = await chargedUsd(fixture.gateway);
			expect(result.cost).toEqual({ source: 'gateway', totalUsd: expect.closeTo(charged, 12) });
			expect(result.costNanoUsd).toBe(Math.round(charged * 1e9));
			const perAttempt = result.attempts.reduce((sum, a) => sum + (a.costUsd ?? 0), 0);
			expect(perAttempt).toBeCloseTo(charged, 12);
			expect(requestedModels(fixture.gateway)).toEqual([[CHEAP], [STRONG]]);
		},
	);

	it('escalates when no cheap answer matches the JSON schema, keeping the validation errors in attempts', async () => {
		fixture.gateway.setModel(pricedModel(CHEAP, { reply: '{"category":"weather"}' }));
		fixture.gateway.setModel(pricedModel(CHEAP_2, { reply: 'not even json' }));
		fixture.gateway.setModel(pricedModel(STRONG, { reply: '{"category":"billing"}' }));
		const schemaFormat = {
			type: 'json_schema' as const,
			name: 'ticket',
			schema: ticketSchema,
			strict: true,
			validate: compileJsonSchema(ticketSchema),
		};
		const base = cascade({}, [CHEAP, CHEAP_2]);
		const result = await run({
			...base,
			cheap: { ...base.cheap, completion: { responseFormat: schemaFormat } },
			strong: { ...base.strong, completion: { responseFormat: schemaFormat } },
		});

		expect(result.json).toEqual({ category: 'billing' });
		expect(result.escalated).toBe(true);
		expect(result.attempts[0]).toEqual(
			expect.objectContaining({ model: CHEAP, kind: 'invalid_output', stage: 'cheap' }),
		);
		expect(result.attempts[0].error).toMatch(/\/category: .*/);
		expect(result.attempts[1]).toEqual(
			expect.objectContaining({ model: CHEAP_2, kind: 'invalid_output' }),
		);
		expect(result.attempts[1].error).toContain('not valid JSON');
		expect(requestedModels(fixture.gateway)).toEqual([[CHEAP], [CHEAP_2], [STRONG]]);
	});

	it('repairs with the same cheap model before paying for the strong tier', async () => {
		fixture.gateway.setModel(
			pricedModel(CHEAP, {
				reply: (request) =>
					request.body.messages.length > 1 ? 'A fixed, long enough answer.' : 'short',
			}),
		);
		const result = await run(cascade({ checks: { minLength: 20 }, repair: true }));

		expect(result).toEqual(
			expect.objectContaining({ model: CHEAP, escalated: false, repaired: true }),
		);
		expect(result.attempts.map((a) => a.stage)).toEqual(['cheap', 'repair']);
		const repairRequest = fixture.gateway.requests.at(-1)?.body as {
			messages: Array<{ role: string; content: string }>;
		};
		expect(repairRequest.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
		expect(repairRequest.messages[2].content).toContain('shorter than the 20 required');
	});

	it('says the item ran under Fallback Drill when the repaired answer is kept', async () => {
		fixture.gateway.setModel(
			pricedModel(CHEAP_2, {
				reply: (request) =>
					request.body.messages.length > 1 ? 'A fixed, long enough answer.' : 'short',
			}),
		);
		const base = cascade({ checks: { minLength: 20 }, repair: true }, [CHEAP, CHEAP_2]);
		const result = await run({ ...base, cheap: { ...base.cheap, drillFailures: 1 } });

		expect(result).toMatchObject({ model: CHEAP_2, repaired: true, drill: true });
		expect(requestedModels(fixture.gateway)).toEqual([[CHEAP_2], [CHEAP_2]]);
	});

	it('holds the Item Deadline over every stage: no strong call once the cheap stage used the time', async () => {
		const clock = fakeClock();
		fixture.gateway.setModel(
			pricedModel(CHEAP, {
				reply: () => {
					clock.advance(400);
					return 'short';
				},
			}),
		);
		const policy = { ...noRetries, deadlineMs: 300 };
		const base = cascade({ checks: { minLength: 20 } });
		const error = await routeCascade(
			{ ...base, cheap: { ...base.cheap, policy }, strong: { ...base.strong, policy } },
			{ client: fixture.client, clock },
		).catch((e) => e);

		expect(error).toBeInstanceOf(RouteError);
		expect(error.reason).toBe('deadline');
		expect(requestedModels(fixture.gateway)).toEqual([[CHEAP]]);
	});

	it('asks the model it asked for to repair, even when the answer named a dated variant', async () => {
		fixture.gateway.setModel(
			pricedModel(CHEAP, { reply: 'short', answerAs: `${CHEAP}-2026-01-01` }),
		);
		await run(cascade({ checks: { minLength: 20 }, repair: true }));
		expect(requestedModels(fixture.gateway)).toEqual([[CHEAP], [CHEAP], [STRONG]]);
	});

	it('reads the confidence of a JSON answer inside a code fence, by a dot path into arrays', async () => {
		fixture.gateway.setModel(
			pricedModel(CHEAP, { reply: '```json\n{"scores":[{"confidence":0.9}]}\n```' }),
		);
		const result = await run(
			cascade({ checks: { confidence: { field: 'scores.0.confidence', min: 0.7 } } }),
		);

		expect(result).toMatchObject({ model: CHEAP, escalated: false, escalationReason: null });
		expect(requestedModels(fixture.gateway)).toEqual([[CHEAP]]);
	});

	it('does not ask for a repair of a low self-reported confidence: it escalates', async () => {
		fixture.gateway.setModel(pricedModel(CHEAP, { reply: '{"category":"bug","confidence":0.3}' }));
		const result = await run(
			cascade({ checks: { confidence: { field: 'confidence', min: 0.7 } }, repair: true }),
		);
		expect(result.attempts.map((a) => a.stage)).toEqual(['cheap', 'strong']);
		expect(result.escalated).toBe(true);
	});

	it('escalates when the repair fails too', async () => {
		fixture.gateway.setModel(pricedModel(CHEAP, { reply: 'short' }));
		const result = await run(cascade({ checks: { minLength: 20 }, repair: true }));
		expect(result.attempts.map((a) => a.stage)).toEqual(['cheap', 'repair', 'strong']);
		expect(result.escalated).toBe(true);
	});

	it("gives the item's latency over every stage, not only the one that answered", async () => {
		fixture.gateway.setModel(pricedModel(CHEAP, { reply: 'short' }));
		const clock = fakeClock();
		// Each call takes 100 ms of the clock the cascade reads.
		const client = {
			...fixture.client,
			complete: async (...args: Parameters<typeof fixture.client.complete>) => {
				clock.advance(100);
				return await fixture.client.complete(...args);
			},
		};
		const result = await routeCascade(cascade({ checks: { minLength: 20 }, repair: true }), {
			client,
			clock,
		});

		expect(result.attempts.map((a) => [a.stage, a.latencyMs])).toEqual([
			['cheap', 100],
			['repair', 100],
			['strong', 100],
		]);
		expect(result.latencyMs).toBe(300);
	});

	it('escalates when the whole cheap tier is down', async () => {
		fixture.gateway.setModel(pricedModel(CHEAP, { down: { status: 503 } }));
		const result = await run(cascade());
		expect(result.model).toBe(STRONG);
		expect(result.escalationReason).toContain('cheap tier failed');
	});

	it('does not escalate a failure the strong tier would share (bad key)', async () => {
		fixture.gateway.setModel(pricedModel(CHEAP, { down: { status: 401 } }));
		const error = await run(cascade()).catch((e) => e);
		expect(error).toBeInstanceOf(RouteError);
		expect(error.reason).toBe('unauthorized');
		expect(requestedModels(fixture.gateway)).toEqual([[CHEAP]]);
	});

	it('does not ask a model again in the strong tier after the cheap tier rejected its answer', async () => {
		fixture.gateway.setModel(pricedModel(CHEAP, { reply: 'short' }));
		fixture.gateway.setModel(pricedModel(STRONG, { down: { status: 503 } }));
		fixture.gateway.setModel(
			pricedModel(CHEAP_2, { reply: 'A long enough answer from the other one.' }),
		);
		const base = cascade({ checks: { minLength: 20 } });
		const result = await run({
			...base,
			strong: { ...base.strong, models: [STRONG, CHEAP, CHEAP_2], fallbackMode: 'client' },
		});

		expect(requestedModels(fixture.gateway)).toEqual([[CHEAP], [STRONG], [CHEAP_2]]);
		expect(result.model).toBe(CHEAP_2);
		expect(result.attempts.map((a) => [a.stage, a.model, a.skipped ?? a.outcome])).toEqual([
			['cheap', CHEAP, 'success'],
			['strong', CHEAP, 'answer rejected'],
			['strong', STRONG, 'error'],
			['strong', CHEAP_2, 'success'],
		]);
	});

	it('asks the rejected model again when the strong tier has no other model', async () => {
		fixture.gateway.setModel(pricedModel(CHEAP, { reply: 'short' }));
		const base = cascade({ checks: { minLength: 20 } });
		const result = await run({ ...base, strong: { ...base.strong, models: [CHEAP] } });
		expect(requestedModels(fixture.gateway)).toEqual([[CHEAP], [CHEAP]]);
		expect(result.unmetChecks).toHaveLength(1);
	});

	describe("a model in both tiers' chains, its cheap answer rejected", () => {
		const checks = { minLength: 20 };
		const trail = (attempts: Attempt[]) =>
			attempts.map((a) => [a.stage, a.model, a.skipped ?? a.outcome]);
		/** Fallback Drill 1 on both tiers, as the node sets it; the cheap drill leaves CHEAP to answer. */
		const drilled = (strongModels: string[]): CascadePlan => {
			const base = cascade({ checks }, [CHEAP_2, CHEAP]);
			return {
				...base,
				cheap: { ...base.cheap, drillFailures: 1 },
				strong: { ...base.strong, models: strongModels, drillFailures: 1 },
			};
		};

		it('asks it again when Fallback Drill leaves it the only strong model', async () => {
			fixture.gateway.setModel(pricedModel(CHEAP, { reply: 'short' }));
			const result = await run(drilled([STRONG, CHEAP]));

			expect(requestedModels(fixture.gateway)).toEqual([[CHEAP], [CHEAP]]);
			expect(trail(result.attempts)).toEqual([
				['cheap', CHEAP_2, 'fallback drill'],
				['cheap', CHEAP, 'success'],
				['strong', STRONG, 'fallback drill'],
				['strong', CHEAP, 'success'],
			]);
			expect(result).toMatchObject({ model: CHEAP, escalated: true, drill: true });
			expect(result.unmetChecks).toHaveLength(1);
		});

		it('drills the first model of the strong chain as listed, though the cheap stage rejected it', async () => {
			fixture.gateway.setModel(pricedModel(CHEAP, { reply: 'short' }));
			fixture.gateway.setModel(pricedModel(STRONG, { reply: 'A long enough strong answer.' }));
			const result = await run(drilled([CHEAP, STRONG, CHEAP_2]));

			expect(requestedModels(fixture.gateway)).toEqual([[CHEAP], [STRONG]]);
			expect(trail(result.attempts)).toEqual([
				['cheap', CHEAP_2, 'fallback drill'],
				['cheap', CHEAP, 'success'],
				['strong', CHEAP, 'fallback drill'],
				['strong', STRONG, 'success'],
			]);
			expect(result).toMatchObject({ requestedModel: CHEAP, fallbackUsed: true, drill: true });
		});

		it('asks it again when the circuit of every other strong model is open', async () => {
			fixture.gateway.setModel(pricedModel(CHEAP, { reply: 'short' }));
			const clock = fakeClock();
			const breaker = new CircuitBreaker(
				{ threshold: 3, windowMs: 60_000, cooldownMs: 30_000 },
				clock,
			);
			for (let request = 0; request < 3; request++) breaker.recordFailure([STRONG], {});
			const base = cascade({ checks });
			const result = await routeCascade(
				{ ...base, strong: { ...base.strong, models: [STRONG, CHEAP] } },
				{ client: fixture.client, clock, breaker },
			);

			expect(requestedModels(fixture.gateway)).toEqual([[CHEAP], [CHEAP]]);
			expect(trail(result.attempts)).toEqual([
				['cheap', CHEAP, 'success'],
				['strong', STRONG, 'circuit open'],
				['strong', CHEAP, 'success'],
			]);
		});

		it('asks it again when every other strong model is over Max Cost per Item', async () => {
			fixture.gateway.setModel(pricedModel(CHEAP, { reply: 'short' }));
			const cache = new PricingCache(60_000);
			const prices = async () =>
				await cache.get('mock', 0, () => fixture.client.listModels({ timeoutMs: 5_000 }));
			// With Max Tokens 100 the prompt bounds at 37 tokens: STRONG's worst case is
			// (37 × $10 + 100 × $30) per million + 5% ≈ $0.0035, over the cap; CHEAP's is ≈ $0.00003.
			const completion = { maxTokens: 100 };
			const base = cascade({ checks });
			const result = await routeCascade(
				{
					...base,
					cheap: { ...base.cheap, completion, maxCostUsd: 0.001 },
					strong: { ...base.strong, completion, models: [STRONG, CHEAP] },
				},
				{ client: fixture.client, clock: fakeClock(), prices },
			);

			expect(requestedModels(fixture.gateway)).toEqual([[CHEAP], [CHEAP]]);
			expect(trail(result.attempts)).toEqual([
				['cheap', CHEAP, 'success'],
				['strong', STRONG, 'over budget'],
				['strong', CHEAP, 'success'],
			]);
			expect(result.cost.totalUsd).toBeLessThanOrEqual(0.001);
		});

		it('does not ask it again when another strong model was asked and failed', async () => {
			fixture.gateway.setModel(pricedModel(CHEAP, { reply: 'short' }));
			fixture.gateway.setModel(pricedModel(STRONG, { down: { status: 503 } }));
			const base = cascade({ checks });
			const error = await run({
				...base,
				strong: { ...base.strong, models: [STRONG, CHEAP] },
			}).catch((e) => e);

			expect(error).toBeInstanceOf(RouteError);
			expect(requestedModels(fixture.gateway)).toEqual([[CHEAP], [STRONG]]);
			expect(trail(error.attempts)).toEqual([
				['cheap', CHEAP, 'success'],
				['strong', CHEAP, 'answer rejected'],
				['strong', STRONG, 'error'],
			]);
		});
	});

	it('keeps the strong answer as the last word, naming the checks it misses', async () => {
		fixture.gateway.setModel(pricedModel(CHEAP, { reply: 'short' }));
		fixture.gateway.setModel(pricedModel(STRONG, { reply: 'also short' }));
		const result = await run(cascade({ checks: { minLength: 50 } }));
		expect(result.content).toBe('also short');
		expect(result.unmetChecks).toEqual([
			'the answer is 10 characters long, shorter than the 50 required',
		]);
	});

	it('reports every stage and what it spent when the strong tier fails', async () => {
		fixture.gateway.setModel(pricedModel(CHEAP, { reply: 'short' }));
		fixture.gateway.setModel(pricedModel(STRONG, { down: { status: 503 } }));
		const error = await run(cascade({ checks: { minLength: 50 } })).catch((e) => e);
		expect(error).toBeInstanceOf(RouteError);
		expect(error.attempts.map((a: { stage: string }) => a.stage)).toEqual(['cheap', 'strong']);
		expect(error.spent.nanoUsd).toBeGreaterThan(0);
	});
});

describe('routeCascade cost source', () => {
	const fixture = gatewayFixture([
		pricedModel(CHEAP, { reportCost: false, reply: 'not even json' }),
		pricedModel(STRONG, { reply: '{"category":"bug"}' }),
	]);

	it('labels the total an estimate when a failed stage was priced from the published list', async () => {
		const json = { completion: { responseFormat: { type: 'json_object' as const } } };
		const result = await routeCascade(
			{
				cheap: plan([CHEAP], { tier: 'cheap', policy: noRetries, ...json }),
				strong: plan([STRONG], { tier: 'strong', policy: noRetries, ...json }),
				checks: {},
				repair: false,
			},
			{
				client: fixture.client,
				clock: fakeClock(),
				prices: async () =>
					await new PricingCache(60_000).get(
						'mock',
						0,
						async () => await fixture.client.listModels({ timeoutMs: 5_000 }),
					),
			},
		);
		expect(result.attempts.map((a) => [a.stage, a.kind ?? a.outcome])).toEqual([
			['cheap', 'invalid_output'],
			['strong', 'success'],
		]);
		expect(result.cost.source).toBe('estimate');
	});
});
