import { RouteError } from '../../nodes/RoutedChat/core/routeError';
import { routeChat, streamChat } from '../../nodes/RoutedChat/core/routeChat';
import { fakeClock, gatewayFixture, plan, noRetries } from './support';
import { chargedUsd, pricedModel, requestedModels } from '../mock-gateway/jestFixture';
import { waitForChatRequests } from '../mock-gateway/receivedRequests';

const A = 'vendor-a/model-a';
const B = 'vendor-b/model-b';
const C = 'vendor-c/model-c';
const D = 'vendor-d/model-d';

describe('routeChat', () => {
	const fixture = gatewayFixture([pricedModel(A), pricedModel(B), pricedModel(C), pricedModel(D)]);

	it('serves a pinned model and reports model, provider, usage, cost and one attempt', async () => {
		const result = await routeChat(plan([A]), { client: fixture.client, clock: fakeClock() });

		expect(result.model).toBe(A);
		expect(result.requestedModel).toBe(A);
		expect(result.provider).toBe('vendor-a-provider');
		expect(result.fallbackUsed).toBe(false);
		expect(result.content).toContain('Say hello to the routing core');
		expect(result.usage.totalTokens).toBe(
			result.usage.promptTokens + result.usage.completionTokens,
		);
		expect(result.cost.source).toBe('gateway');
		const expectedNano = result.usage.promptTokens * 1000 + result.usage.completionTokens * 2000;
		expect(result.costNanoUsd).toBe(expectedNano);
		expect(result.cost.totalUsd).toBeCloseTo(expectedNano / 1e9, 12);
		expect(result.generationId).toMatch(/\S/);
		expect(result.finishReason).toBe('stop');
		expect(result.attempts).toEqual([
			expect.objectContaining({ model: A, servedBy: A, outcome: 'success', waitMs: 0 }),
		]);
	});

	it('labels the result with the tier that chose the chain', async () => {
		const result = await routeChat(plan([B, A], { tier: 'strong' }), {
			client: fixture.client,
			clock: fakeClock(),
		});
		expect(result).toEqual(expect.objectContaining({ tier: 'strong', model: B }));
	});

	it('sends the OpenRouter request fields the plan asks for', async () => {
		await routeChat(
			plan([A], {
				completion: {
					temperature: 0.2,
					maxTokens: 50,
					seed: 7,
					stop: ['END'],
					reasoningEffort: 'low',
					responseFormat: { type: 'json_object' },
					provider: { sort: 'price', data_collection: 'deny' },
				},
			}),
			{ client: fixture.client, clock: fakeClock() },
			// The mock's default reply is not JSON, so the route itself fails; only the request matters here.
		).catch(() => undefined);
		expect(fixture.gateway.requests.at(-1)?.body).toEqual(
			expect.objectContaining({
				model: A,
				temperature: 0.2,
				max_tokens: 50,
				seed: 7,
				stop: ['END'],
				reasoning: { effort: 'low' },
				response_format: { type: 'json_object' },
				provider: { sort: 'price', data_collection: 'deny' },
			}),
		);
	});

	describe('gateway fallback', () => {
		it('sends the chain as `models` in one request and reports the model that served', async () => {
			fixture.gateway.setModel(pricedModel(A, { down: { status: 503 } }));
			const result = await routeChat(plan([A, B, C], { fallbackMode: 'gateway' }), {
				client: fixture.client,
				clock: fakeClock(),
			});

			expect(requestedModels(fixture.gateway)).toEqual([[A, B, C]]);
			expect(result.model).toBe(B);
			expect(result.fallbackUsed).toBe(true);
			expect(result.attempts).toEqual([
				expect.objectContaining({ model: A, models: [A, B, C], servedBy: B, outcome: 'success' }),
			]);
		});

		it('splits a chain longer than the gateway accepts and fails over client-side for the rest', async () => {
			for (const id of [A, B, C])
				fixture.gateway.setModel(pricedModel(id, { down: { status: 503 } }));
			const clock = fakeClock();
			const result = await routeChat(plan([A, B, C, D], { fallbackMode: 'gateway' }), {
				client: fixture.client,
				clock,
			});

			expect(requestedModels(fixture.gateway)).toEqual([[A, B, C], [A, B, C], [D]]);
			expect(result.model).toBe(D);
			expect(clock.sleeps).toEqual([500]);
		});
	});

	describe('client fallback', () => {
		it('retries a failing model with backoff, then moves to the next', async () => {
			fixture.gateway.setModel(pricedModel(A, { down: { status: 503 } }));
			const clock = fakeClock();
			const result = await routeChat(plan([A, B]), { client: fixture.client, clock });

			expect(requestedModels(fixture.gateway)).toEqual([[A], [A], [B]]);
			expect(result.model).toBe(B);
			expect(result.fallbackUsed).toBe(true);
			expect(result.attempts.map((a) => [a.model, a.outcome, a.status, a.waitMs])).toEqual([
				[A, 'error', 503, 0],
				[A, 'error', 503, 500],
				[B, 'success', undefined, 0],
			]);
			expect(clock.sleeps).toEqual([500]);
		});

		it('doubles the backoff on each retry of the same model', async () => {
			fixture.gateway.setModel(
				pricedModel(A, { faults: [{ status: 500 }, { status: 502 }, { status: 500 }] }),
			);
			const clock = fakeClock();
			const result = await routeChat(
				plan([A], { policy: { ...plan([]).policy, retriesPerModel: 3 } }),
				{
					client: fixture.client,
					clock,
				},
			);
			expect(result.model).toBe(A);
			expect(clock.sleeps).toEqual([500, 1000, 2000]);
		});

		it('in both mode each request carries the rest of the chain, and the client moves on one model at a time', async () => {
			fixture.gateway.setModel(pricedModel(A, { down: { status: 503 } }));
			fixture.gateway.setModel(pricedModel(B, { down: { status: 503 } }));
			fixture.gateway.setModel(pricedModel(C, { down: { status: 503 } }));
			const result = await routeChat(
				plan([A, B, C, D], {
					fallbackMode: 'both',
					policy: noRetries,
				}),
				{ client: fixture.client, clock: fakeClock() },
			);
			// The gateway went through A, B and C: none of them is asked again.
			expect(requestedModels(fixture.gateway)).toEqual([[A, B, C], [D]]);
			expect(result.model).toBe(D);
		});

		const both = (overrides: Parameters<typeof plan>[1] = {}) =>
			plan([A, B, C, D], {
				fallbackMode: 'both',
				policy: noRetries,
				...overrides,
			});

		it('in both mode a drilled model is left out without asking the others twice', async () => {
			fixture.gateway.setModel(pricedModel(B, { down: { status: 503 } }));
			fixture.gateway.setModel(pricedModel(C, { down: { status: 503 } }));
			const result = await routeChat(both({ drillFailures: 1 }), {
				client: fixture.client,
				clock: fakeClock(),
			});
			expect(requestedModels(fixture.gateway)).toEqual([[B, C, D]]);
			expect(result.model).toBe(D);
		});

		it('in both mode a request that timed out may have reached any of its models: none is asked again', async () => {
			fixture.gateway.setModel(pricedModel(A, { down: { status: 503 } }));
			fixture.gateway.setModel(pricedModel(B, { down: { kind: 'hang' } }));
			const routing = routeChat(both(), { client: fixture.client, clock: fakeClock() });
			await waitForChatRequests(fixture.gateway, 1);
			fixture.timeouts.expire();
			const result = await routing;
			expect(requestedModels(fixture.gateway)).toEqual([[A, B, C], [D]]);
			expect(result.model).toBe(D);
			expect(result.attempts[0]).toEqual(expect.objectContaining({ kind: 'timeout' }));
		});

		it('in both mode an invalid answer from the second model moves on past the model that answered', async () => {
			fixture.gateway.setModel(pricedModel(A, { down: { status: 503 } }));
			fixture.gateway.setModel(pricedModel(B, { reply: 'not json' }));
			fixture.gateway.setModel(pricedModel(C, { reply: '{"ok":true}' }));
			const result = await routeChat(
				both({ completion: { responseFormat: { type: 'json_object' } } }),
				{ client: fixture.client, clock: fakeClock() },
			);
			expect(requestedModels(fixture.gateway)).toEqual([
				[A, B, C],
				[C, D],
			]);
			expect(result.model).toBe(C);
			expect(result.attempts[0]).toEqual(
				expect.objectContaining({ servedBy: B, kind: 'invalid_output' }),
			);
		});
	});

	describe('an answer reported under another model name', () => {
		const dated = `${B}-2026-01-01`;

		it('is matched to the chain position it was asked for: price, fallbackUsed and the next request', async () => {
			fixture.gateway.setModel(pricedModel(A, { down: { status: 503 } }));
			fixture.gateway.setModel(
				pricedModel(B, { answerAs: dated, reply: 'not json', reportCost: false }),
			);
			fixture.gateway.setModel(pricedModel(C, { reply: '{"ok":true}' }));
			const result = await routeChat(
				plan([A, B, C, D], {
					fallbackMode: 'both',
					completion: { responseFormat: { type: 'json_object' } },
				}),
				{
					client: fixture.client,
					clock: fakeClock(),
					prices: async () =>
						new Map([[B, { promptPicoUsd: 1_000_000, completionPicoUsd: 2_000_000 }]]),
				},
			);
			expect(requestedModels(fixture.gateway)).toEqual([
				[A, B, C],
				[C, D],
			]);
			expect(result.attempts[0]).toEqual(
				expect.objectContaining({ servedBy: dated, kind: 'invalid_output' }),
			);
			expect(result.attempts[0].costUsd).toBeGreaterThan(0);
		});

		it('does not count as a fallback when the first model answered under a dated name', async () => {
			fixture.gateway.setModel(pricedModel(A, { answerAs: `${A}-0613` }));
			const result = await routeChat(plan([A, B], { fallbackMode: 'gateway' }), {
				client: fixture.client,
				clock: fakeClock(),
			});
			expect(result.model).toBe(`${A}-0613`);
			expect(result.fallbackUsed).toBe(false);
		});

		it('with a name the chain does not know, is taken to come from the first model of the request', async () => {
			fixture.gateway.setModel(pricedModel(A, { answerAs: 'vendor-x/auto-pick' }));
			const result = await routeChat(plan([A, B]), {
				client: fixture.client,
				clock: fakeClock(),
			});
			expect(result.model).toBe('vendor-x/auto-pick');
			expect(result.fallbackUsed).toBe(false);
		});
	});

	describe('non-retryable failures stop the chain', () => {
		it.each([
			[400, 'bad_request'],
			[401, 'unauthorized'],
			[402, 'insufficient_credit'],
			[403, 'forbidden'],
		])('HTTP %i fails at once as %s without trying the fallbacks', async (status, reason) => {
			fixture.gateway.setModel(pricedModel(A, { down: { status, message: `scripted ${status}` } }));
			const error = await routeChat(plan([A, B]), {
				client: fixture.client,
				clock: fakeClock(),
			}).catch((e) => e);

			expect(error).toBeInstanceOf(RouteError);
			expect(error).toEqual(expect.objectContaining({ reason, status }));
			expect(error.message).toContain(`scripted ${status}`);
			expect(error.attempts).toHaveLength(1);
			expect(requestedModels(fixture.gateway)).toEqual([[A]]);
		});
	});

	describe("when every model fails, the item's reason", () => {
		it('is the kind of the failure that ended the chain', async () => {
			fixture.gateway.setModel(pricedModel(A, { down: { status: 503 } }));
			fixture.gateway.setModel(pricedModel(B, { down: { status: 429 } }));
			const error = await routeChat(plan([A, B], { policy: noRetries }), {
				client: fixture.client,
				clock: fakeClock(),
			}).catch((e) => e);

			expect(error).toBeInstanceOf(RouteError);
			expect(error.reason).toBe('rate_limited');
			expect(error.message).toMatch(/^Every model failed \(2 attempts\); the last: /);
			expect(error.attempts.map((attempt: { kind: string }) => attempt.kind)).toEqual([
				'server_error',
				'rate_limited',
			]);
		});

		it('is exhausted when no model could be asked at all', async () => {
			const error = await routeChat(plan([A], { drillFailures: 1 }), {
				client: fixture.client,
				clock: fakeClock(),
			}).catch((e) => e);

			expect(error.reason).toBe('exhausted');
			expect(error.message).toMatch(/^Every model was skipped/);
		});
	});

	describe('Retry-After', () => {
		it('waits as long as Retry-After says in seconds', async () => {
			fixture.gateway.setModel(pricedModel(A, { faults: [{ status: 429, retryAfter: '7' }] }));
			const clock = fakeClock();
			const result = await routeChat(plan([A]), { client: fixture.client, clock });
			expect(result.model).toBe(A);
			expect(clock.sleeps).toEqual([7000]);
			expect(result.attempts.map((a) => a.waitMs)).toEqual([0, 7000]);
		});

		it('reads an HTTP-date Retry-After against the clock', async () => {
			const clock = fakeClock();
			const at = new Date(clock.now() + 12_000).toUTCString();
			fixture.gateway.setModel(pricedModel(A, { faults: [{ status: 429, retryAfter: at }] }));
			await routeChat(plan([A]), { client: fixture.client, clock });
			expect(clock.sleeps).toEqual([12_000]);
		});

		it('moves to the next model instead of waiting longer than the policy allows', async () => {
			fixture.gateway.setModel(pricedModel(A, { faults: [{ status: 429, retryAfter: '3600' }] }));
			const clock = fakeClock();
			const result = await routeChat(plan([A, B]), { client: fixture.client, clock });
			expect(result.model).toBe(B);
			expect(clock.sleeps).toEqual([]);
		});
	});

	describe('cost', () => {
		it('estimates from published prices when the gateway reports no cost', async () => {
			fixture.gateway.setModel(pricedModel(A, { reportCost: false }));
			const prices = jest.fn(
				async () => new Map([[A, { promptPicoUsd: 1_000_000, completionPicoUsd: 2_000_000 }]]),
			);
			const result = await routeChat(plan([A]), {
				client: fixture.client,
				clock: fakeClock(),
				prices,
			});

			expect(result.cost.source).toBe('estimate');
			expect(result.costNanoUsd).toBe(
				result.usage.promptTokens * 1000 + result.usage.completionTokens * 2000,
			);
			expect(prices).toHaveBeenCalledTimes(1);
		});

		it('never loads prices when the gateway reports the cost', async () => {
			const prices = jest.fn(async () => new Map());
			const result = await routeChat(plan([A]), {
				client: fixture.client,
				clock: fakeClock(),
				prices,
			});
			expect(result.cost.source).toBe('gateway');
			expect(prices).not.toHaveBeenCalled();
		});

		it('says unknown when neither the gateway nor the price list knows', async () => {
			fixture.gateway.setModel(pricedModel(A, { reportCost: false }));
			const result = await routeChat(plan([A]), {
				client: fixture.client,
				clock: fakeClock(),
				prices: async () => undefined,
			});
			expect(result.cost).toEqual({ totalUsd: null, source: 'unknown' });
		});

		it('skips a model whose worst case is over the per-item budget', async () => {
			const prices = async () =>
				new Map([
					[A, { promptPicoUsd: 1_000_000_000, completionPicoUsd: 1_000_000_000 }],
					[B, { promptPicoUsd: 1_000, completionPicoUsd: 1_000 }],
				]);
			const result = await routeChat(
				plan([A, B], { maxCostUsd: 0.01, completion: { maxTokens: 100 } }),
				{
					client: fixture.client,
					clock: fakeClock(),
					prices,
				},
			);
			expect(result.model).toBe(B);
			expect(result.attempts[0]).toEqual(
				expect.objectContaining({ model: A, outcome: 'skipped', skipped: 'over budget' }),
			);
			expect(requestedModels(fixture.gateway)).toEqual([[B]]);
		});
	});

	describe('an error after a paid call', () => {
		it('keeps the call as an attempt and its cost in the error', async () => {
			fixture.gateway.setModel(pricedModel(A, { reply: '{"a":1}' }));
			// A validator that throws, standing for anything that goes wrong once the answer is in.
			const validate = (): string[] => {
				throw new Error('Unresolved $ref "other.json"');
			};
			const error = await routeChat(
				plan([A, B], {
					completion: {
						responseFormat: { type: 'json_schema', name: 'x', schema: {}, strict: true, validate },
					},
				}),
				{ client: fixture.client, clock: fakeClock() },
			).catch((e) => e);

			expect(error).toBeInstanceOf(RouteError);
			expect(error.reason).toBe('unexpected');
			expect(error.attempts).toEqual([
				expect.objectContaining({ model: A, servedBy: A, outcome: 'error', kind: 'unexpected' }),
			]);
			expect(error.attempts[0].costUsd).toBeGreaterThan(0);
			expect(error.spent).toEqual({
				nanoUsd: Math.round(error.attempts[0].costUsd * 1e9),
				source: 'gateway',
			});
			expect(requestedModels(fixture.gateway)).toEqual([[A]]);
		});
	});

	describe('fallback drill', () => {
		it('treats the first models as failed without calling them and marks the result', async () => {
			const result = await routeChat(plan([A, B, C], { drillFailures: 2 }), {
				client: fixture.client,
				clock: fakeClock(),
			});
			expect(result.model).toBe(C);
			expect(result.drill).toBe(true);
			expect(result.fallbackUsed).toBe(true);
			expect(result.attempts.map((a) => [a.model, a.skipped])).toEqual([
				[A, 'fallback drill'],
				[B, 'fallback drill'],
				[C, undefined],
			]);
			expect(requestedModels(fixture.gateway)).toEqual([[C]]);
		});

		it('drops drilled models from a gateway request', async () => {
			await routeChat(plan([A, B, C], { drillFailures: 1, fallbackMode: 'gateway' }), {
				client: fixture.client,
				clock: fakeClock(),
			});
			expect(requestedModels(fixture.gateway)).toEqual([[B, C]]);
		});
	});

	describe('bad responses are retryable', () => {
		it.each([
			[{ kind: 'malformed' as const }, 'malformed_response'],
			[{ kind: 'empty-choices' as const }, 'empty_response'],
			[
				{ kind: 'error-in-200' as const, code: 502, message: 'upstream fell over' },
				'upstream_error',
			],
			[{ kind: 'reset' as const }, 'connection'],
		])('%j is recorded as %s and the next try serves', async (fault, kind) => {
			fixture.gateway.setModel(pricedModel(A, { faults: [fault] }));
			const result = await routeChat(plan([A]), { client: fixture.client, clock: fakeClock() });
			expect(result.model).toBe(A);
			expect(result.attempts[0]).toEqual(expect.objectContaining({ outcome: 'error', kind }));
		});

		it('an answer that finished with an error fails over, and its cost stays on the record', async () => {
			fixture.gateway.setModel(pricedModel(A, { finishReason: 'error' }));
			const result = await routeChat(plan([A, B], { policy: noRetries }), {
				client: fixture.client,
				clock: fakeClock(),
			});

			expect(result.model).toBe(B);
			const [failed, served] = result.attempts;
			expect(failed).toEqual(
				expect.objectContaining({
					model: A,
					servedBy: A,
					outcome: 'error',
					kind: 'upstream_error',
					error: 'Gateway reported an error: the answer finished with an error',
				}),
			);
			const { promptTokens, completionTokens } = failed.usage!;
			expect(failed.costUsd).toBeCloseTo((promptTokens * 1000 + completionTokens * 2000) / 1e9, 12);
			expect(result.cost.totalUsd).toBeCloseTo(failed.costUsd! + served.costUsd!, 12);
		});

		it.each([false, true])(
			'an answer with no content is retried and its billed cost stays on the record (streamed: %s)',
			async (streamed) => {
				// The gateway bills the empty answer as any other: 8 prompt tokens at $1/M and the one
				// completion token it counts at $2/M.
				let calls = 0;
				fixture.gateway.setModel(pricedModel(A, { reply: () => (calls++ === 0 ? '' : 'hello') }));
				const context = { client: fixture.client, clock: fakeClock() };
				const result = streamed
					? await streamChat(plan([A]), context, () => {})
					: await routeChat(plan([A]), context);

				expect(result.model).toBe(A);
				expect(result.attempts[0]).toEqual(
					expect.objectContaining({
						outcome: 'error',
						kind: 'empty_response',
						servedBy: A,
						costUsd: 0.00001,
					}),
				);
				expect(result.cost.totalUsd).toBe(await chargedUsd(fixture.gateway));
			},
		);

		it('a refusal is not served: the next model answers, and the refusal is paid for, not asked again', async () => {
			fixture.gateway.setModel(pricedModel(A, { refusal: "I can't help with that." }));
			const result = await routeChat(plan([A, B]), { client: fixture.client, clock: fakeClock() });

			expect(result.model).toBe(B);
			expect(requestedModels(fixture.gateway)).toEqual([[A], [B]]);
			expect(result.attempts[0]).toEqual(
				expect.objectContaining({
					model: A,
					outcome: 'error',
					kind: 'invalid_output',
					error: "The model refused to answer: I can't help with that.",
				}),
			);
			const { promptTokens, completionTokens } = result.attempts[0].usage!;
			expect(result.attempts[0].costUsd).toBeCloseTo(
				(promptTokens * 1000 + completionTokens * 2000) / 1e9,
				12,
			);
		});

		it('a JSON response format that is not JSON fails over to the next model', async () => {
			fixture.gateway.setModel(pricedModel(A, { reply: 'not json at all' }));
			fixture.gateway.setModel(pricedModel(B, { reply: '```json\n{"ok": true}\n```' }));
			const result = await routeChat(
				plan([A, B], { completion: { responseFormat: { type: 'json_object' } } }),
				{
					client: fixture.client,
					clock: fakeClock(),
				},
			);
			expect(result.model).toBe(B);
			expect(result.json).toEqual({ ok: true });
			expect(result.attempts[0]).toEqual(
				expect.objectContaining({ model: A, servedBy: A, kind: 'invalid_output' }),
			);
		});
	});
});
