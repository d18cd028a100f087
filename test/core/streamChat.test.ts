import { RouteError, type StreamDelta, streamChat } from '../../nodes/RoutedChat/core';
import { chatRequests, pricedModel, requestedModels } from '../mock-gateway/jestFixture';
import { loopbackChatClient } from '../transport/loopbackClient';
import { fakeClock, gatewayFixture, plan, noRetries } from './support';

const A = 'vendor-a/streams';
const B = 'vendor-b/streams';
/** The mock's reply to the prompt of plan() (test/mock-gateway/reply.ts). */
const ANSWER = `${A} answered: Say hello to the routing core`;

const text = (deltas: StreamDelta[]) =>
	deltas.map((delta) => (delta.type === 'text' ? delta.text : '')).join('');

describe('streamChat', () => {
	const fixture = gatewayFixture([pricedModel(A), pricedModel(B)]);
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
