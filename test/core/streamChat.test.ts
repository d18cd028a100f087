import { RouteError, type StreamDelta, streamChat } from '../../nodes/RoutedChat/core';
import {
	chatRequests,
	pricedModel,
	pricedModelUsd,
	requestedModels,
} from '../mock-gateway/jestFixture';
import { loopbackChatClient } from '../transport/loopbackClient';
import { fakeClock, gatewayFixture, plan, noRetries } from './support';

const A = 'vendor-a/streams';
const B = 'vendor-b/streams';
/** Answers with a call to a function, though no tool is offered. */
const CALLS_UNOFFERED = 'vendor-c/calls-unoffered';
/** Reasons before it answers (when asked to): 25 tokens of reasoning at the mock's 4 characters a token. */
const THINKS = 'vendor-d/thinks';
/** The mock's reply to the prompt of plan() (test/mock-gateway/reply.ts). */
const ANSWER = `${A} answered: Say hello to the routing core`;

const text = (deltas: StreamDelta[]) =>
	deltas.map((delta) => (delta.type === 'text' ? delta.text : '')).join('');

describe('streamChat', () => {
	const fixture = gatewayFixture([
		pricedModel(A),
		pricedModel(B),
		pricedModel(CALLS_UNOFFERED, {
			toolUse: { name: 'eval', arguments: '{"code":"17*23"}', madeUp: true },
		}),
		pricedModel(THINKS, {
			reasoning: 'First the question, then the facts. '.repeat(3).slice(0, 100),
		}),
	]);
	const client = () => fixture.client;

	it('streams the answer as deltas and records usage and the gateway cost as routeChat does', async () => {
		const deltas: StreamDelta[] = [];
		const result = await streamChat(plan([A]), { client: client(), clock: fakeClock() }, (delta) =>
			deltas.push(delta),
		);

		expect(deltas.length).toBeGreaterThan(1);
		expect(text(deltas)).toBe(result.content);
		expect(result.content).toBe(ANSWER);
		// The mock counts four characters a token: the 29-character prompt is 8 tokens, the
		// 56-character answer 14; at $1 / $2 per million, 8 × $0.000001 + 14 × $0.000002.
		expect(result.usage).toMatchObject({ promptTokens: 8, completionTokens: 14, totalTokens: 22 });
		expect(result.cost).toEqual({ source: 'gateway', totalUsd: 0.000036 });
		expect(result.attempts).toEqual([
			expect.objectContaining({ model: A, outcome: 'success', servedBy: A }),
		]);
	});

	it('before the first token a failure falls back to the next model', async () => {
		fixture.gateway.setModel(
			pricedModel(A, { faults: [{ kind: 'stream-error', afterChunks: 0 }] }),
		);
		const deltas: StreamDelta[] = [];
		const result = await streamChat(
			plan([A, B], { policy: noRetries }),
			{ client: client(), clock: fakeClock() },
			(delta) => deltas.push(delta),
		);

		expect(result.model).toBe(B);
		expect(text(deltas)).toBe(result.content);
		expect(result.attempts).toEqual([
			expect.objectContaining({ model: A, outcome: 'error', kind: 'upstream_error', status: 502 }),
			expect.objectContaining({ model: B, outcome: 'success' }),
		]);
	});

	it('after the first token a failure ends the stream with an error naming the model and the cause; no other model is tried', async () => {
		fixture.gateway.setModel(
			pricedModel(A, {
				faults: [{ kind: 'stream-error', afterChunks: 2, message: 'Provider disconnected' }],
			}),
		);
		const deltas: StreamDelta[] = [];
		const failure = await streamChat(
			plan([A, B]),
			{ client: client(), clock: fakeClock() },
			(delta) => deltas.push(delta),
		).catch((error: unknown) => error);

		expect(failure).toBeInstanceOf(RouteError);
		expect(failure).toMatchObject({
			message: `${A} failed after its answer began streaming: Gateway reported an error mid-stream: Provider disconnected`,
			reason: 'upstream_error',
			attempts: [expect.objectContaining({ model: A, outcome: 'error', kind: 'upstream_error' })],
		});
		expect(text(deltas)).toBe(`${A} answered: `);
		expect(requestedModels(fixture.gateway)).toEqual([[A]]);
	});

	it('an answer that calls a tool though none is offered passes nothing on and falls over as invalid_output, its cost kept', async () => {
		const deltas: StreamDelta[] = [];
		const result = await streamChat(
			plan([CALLS_UNOFFERED, B]),
			{ client: client(), clock: fakeClock() },
			(delta) => deltas.push(delta),
		);

		expect(result.model).toBe(B);
		expect(deltas.every((delta) => delta.type === 'text')).toBe(true);
		expect(text(deltas)).toBe(`${B} answered: Say hello to the routing core`);
		const [refused, served] = result.attempts;
		expect(refused).toMatchObject({
			model: CALLS_UNOFFERED,
			outcome: 'error',
			kind: 'invalid_output',
			error: expect.stringMatching(/^Tool call call_gen-\d+ calls eval, but no tool was offered$/),
		});
		// Paid for at its prices, and counted in the item's cost.
		expect(refused.usage?.completionTokens).toBeGreaterThan(0);
		expect(refused.costUsd).toBeCloseTo(pricedModelUsd(refused.usage!), 12);
		expect(result.cost.totalUsd).toBeCloseTo(refused.costUsd! + served.costUsd!, 12);
		expect(requestedModels(fixture.gateway)).toEqual([[CALLS_UNOFFERED], [B]]);
	});

	it('reasoning is no first token: an answer whose reasoning used up Max Tokens falls over as empty_response', async () => {
		const deltas: StreamDelta[] = [];
		const result = await streamChat(
			plan([THINKS, B], { completion: { reasoningEffort: 'high', maxTokens: 10 } }),
			{ client: client(), clock: fakeClock() },
			(delta) => deltas.push(delta),
		);

		expect(result.model).toBe(B);
		expect(text(deltas)).toBe(result.content);
		expect(result.attempts).toEqual([
			expect.objectContaining({ model: THINKS, outcome: 'error', kind: 'empty_response' }),
			expect.objectContaining({ model: B, outcome: 'success' }),
		]);
		const [refused] = result.attempts;
		expect(refused.costUsd).toBeCloseTo(pricedModelUsd(refused.usage!), 12);
	});

	it('a client without streaming still answers, as one delta', async () => {
		const { complete, listModels } = fixture.client;
		const deltas: StreamDelta[] = [];
		const result = await streamChat(
			plan([A]),
			{ client: { complete, listModels }, clock: fakeClock() },
			(delta) => deltas.push(delta),
		);

		expect(deltas).toEqual([{ type: 'text', text: ANSWER }]);
		expect(result.content).toBe(ANSWER);
	});

	it('to a gateway that is not OpenRouter, a streamed request asks for the usage chunk and sends no OpenRouter field', async () => {
		const result = await streamChat(
			plan([A]),
			{ client: loopbackChatClient(fixture.gateway, false), clock: fakeClock() },
			() => undefined,
		);

		expect(result.usage.totalTokens).toBeGreaterThan(0);
		const [sent] = chatRequests(fixture.gateway).map(
			(request) => request.body as Record<string, unknown>,
		);
		expect(sent).toMatchObject({ stream: true, stream_options: { include_usage: true } });
		expect(sent.usage).toBeUndefined();
	});
});
