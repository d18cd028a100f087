import { chatStreamChunkFromJSON } from '@openrouter/sdk/esm/models/chatstreamchunk.js';

import type { StreamDelta } from '../../nodes/RoutedChat/core';
import { readCompletionStream } from '../../nodes/RoutedChat/transport/readStream';
import { startMockGateway } from './server';
import { cheapModel, postChat } from './testClient';
import type { MockGateway } from './types';
import { sdkParsed } from '../sdkParsed';

/** The data of each server-sent event, as a spec-following reader sees them. */
function events(body: string): string[] {
	return body
		.split('\n\n')
		.filter((block) => block.startsWith('data: '))
		.map((block) => block.slice('data: '.length));
}

const REPLY = 'Paris is the capital of France.';

describe('mock gateway: stream: true answers as OpenRouter streams them', () => {
	let gateway: MockGateway;

	beforeAll(async () => {
		gateway = await startMockGateway({
			models: [
				cheapModel('vendor/streams', { reply: REPLY, provider: 'StreamProvider' }),
				cheapModel('vendor/tool-user', {
					toolUse: { name: 'calculator', arguments: '{"input":"17*23"}' },
				}),
			],
		});
	});
	afterAll(() => gateway.close());
	beforeEach(() => gateway.reset());

	const messages = [{ role: 'user', content: 'What is the capital of France?' }];
	const stream = (model: string, extra: Record<string, unknown> = {}) =>
		postChat(gateway, { model, messages, stream: true, ...extra });

	it('every event parses as a chat.completion.chunk; a comment first, usage last, then [DONE]', async () => {
		const response = await stream('vendor/streams');
		const body = await response.text();

		expect(response.headers.get('content-type')).toBe('text/event-stream');
		expect(body.startsWith(': OPENROUTER PROCESSING\n\n')).toBe(true);
		const data = events(body);
		expect(data.at(-1)).toBe('[DONE]');
		const chunks = data.slice(0, -1).map((event) => sdkParsed(chatStreamChunkFromJSON(event)));
		expect(
			chunks
				.flatMap((chunk) => chunk.choices)
				.map((choice) => choice.delta.content ?? '')
				.join(''),
		).toBe(REPLY);
		expect(chunks.at(-2)?.choices[0].finishReason).toBe('stop');
		expect(chunks.at(-1)?.choices).toEqual([]);
		// 30 characters: 8 prompt tokens; 31: 8 completion tokens; at $0.15 / $0.60 per million.
		expect(chunks.at(-1)?.usage).toMatchObject({
			promptTokens: 8,
			completionTokens: 8,
			cost: 0.000006,
		});
	});

	it("the core's stream reader gives the deltas in order and the whole completion", async () => {
		const response = await stream('vendor/streams');
		const deltas: StreamDelta[] = [];
		const completion = await readCompletionStream(response.body!, (delta) => deltas.push(delta));

		expect(deltas.map((delta) => (delta.type === 'text' ? delta.text : ''))).toEqual([
			'Paris ',
			'is ',
			'the ',
			'capital ',
			'of ',
			'France.',
		]);
		expect(completion).toMatchObject({
			model: 'vendor/streams',
			provider: 'StreamProvider',
			content: REPLY,
			finishReason: 'stop',
			usage: { promptTokens: 8, completionTokens: 8, totalTokens: 16 },
			gatewayCostUsd: 0.000006,
		});
	});

	it('a tool call streams as tool_calls deltas and reads back whole', async () => {
		const response = await stream('vendor/tool-user', {
			tools: [{ type: 'function', function: { name: 'calculator', parameters: {} } }],
		});
		const deltas: StreamDelta[] = [];
		const completion = await readCompletionStream(response.body!, (delta) => deltas.push(delta));

		const id = completion.toolCalls?.[0].id;
		expect(id).toMatch(/^call_gen-\d+$/);
		expect(deltas).toEqual([
			{ type: 'tool-call', index: 0, id, name: 'calculator', arguments: '' },
			{ type: 'tool-call', index: 0, id: undefined, name: undefined, arguments: '{"input":' },
			{ type: 'tool-call', index: 0, id: undefined, name: undefined, arguments: '"17*23"}' },
		]);
		expect(completion).toMatchObject({
			content: '',
			finishReason: 'tool_calls',
			toolCalls: [{ id, name: 'calculator', arguments: '{"input":"17*23"}' }],
		});
	});

	it('a mid-stream error after some tokens: an error event with finish reason error, status 200', async () => {
		gateway.setModel(
			cheapModel('vendor/streams', {
				reply: REPLY,
				faults: [{ kind: 'stream-error', afterChunks: 2, message: 'Provider disconnected' }],
			}),
		);
		const response = await stream('vendor/streams');
		const body = await response.text();
		const chunks = events(body)
			.slice(0, -1)
			.map((event) => sdkParsed(chatStreamChunkFromJSON(event)));

		expect(response.status).toBe(200);
		expect(chunks.map((chunk) => chunk.choices[0].delta.content)).toEqual(['Paris ', 'is ', '']);
		expect(chunks.at(-1)).toMatchObject({
			error: { code: 502, message: 'Provider disconnected' },
			choices: [{ finishReason: 'error' }],
		});
		gateway.setModel(
			cheapModel('vendor/streams', {
				reply: REPLY,
				faults: [{ kind: 'stream-error', afterChunks: 2, message: 'Provider disconnected' }],
			}),
		);
		const deltas: StreamDelta[] = [];
		const broken = await stream('vendor/streams');
		await expect(
			readCompletionStream(broken.body!, (delta) => deltas.push(delta)),
		).rejects.toMatchObject({
			kind: 'upstream_error',
			status: 502,
			message: 'Gateway reported an error mid-stream: Provider disconnected',
		});
		expect(deltas).toHaveLength(2);
	});

	it('a stream gate holds each word until it resolves: the reader has the first word while the rest waits', async () => {
		let release = () => {};
		const released = new Promise<void>((resolve) => (release = resolve));
		const asked: number[] = [];
		gateway.setModel(
			cheapModel('vendor/streams', {
				reply: REPLY,
				streamGate: async (index) => {
					asked.push(index);
					if (index > 0) await released;
				},
			}),
		);
		const deltas: StreamDelta[] = [];
		const response = await stream('vendor/streams');
		const reading = readCompletionStream(response.body!, (delta) => {
			deltas.push(delta);
			if (deltas.length === 1) {
				// Word 1 is not written until released: the reader holds word 0 alone.
				expect(asked).toEqual([0, 1]);
				release();
			}
		});

		expect((await reading).content).toBe(REPLY);
		expect(asked).toEqual([0, 1, 2, 3, 4, 5]);
	});

	it('an error before the first token, and a dropped connection after some tokens', async () => {
		gateway.setModel(
			cheapModel('vendor/streams', {
				reply: REPLY,
				faults: [
					{ kind: 'stream-error', afterChunks: 0 },
					{ kind: 'stream-drop', afterChunks: 3 },
				],
			}),
		);
		const deltas: StreamDelta[] = [];
		const early = await stream('vendor/streams');
		await expect(
			readCompletionStream(early.body!, (delta) => deltas.push(delta)),
		).rejects.toMatchObject({ kind: 'upstream_error' });
		expect(deltas).toEqual([]);

		const dropped = await stream('vendor/streams');
		await expect(
			readCompletionStream(dropped.body!, (delta) => deltas.push(delta)),
		).rejects.toThrow();
		expect(deltas).toHaveLength(3);
	});
});
