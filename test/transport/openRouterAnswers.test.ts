import { chatResultFromJSON } from '@openrouter/sdk/esm/models/chatresult.js';
import { chatStreamChunkFromJSON } from '@openrouter/sdk/esm/models/chatstreamchunk.js';

import { readCompletion } from '../../nodes/RoutedChat/transport/readCompletion';
import { readModels } from '../../nodes/RoutedChat/transport/readModels';
import { readCompletionStream } from '../../nodes/RoutedChat/transport/readStream';
import { sdkParsed } from '../sdkParsed';

/** A whole answer as OpenRouter sends it, checked against @openrouter/sdk's ChatResult. */
function answer(choice: Record<string, unknown>, usage: Record<string, unknown> = USAGE) {
	const body = {
		id: 'gen-1',
		object: 'chat.completion',
		created: 1_791_383_961,
		model: 'deepseek/deepseek-v4.1-flash',
		provider: 'CoreWeave',
		system_fingerprint: null,
		service_tier: null,
		choices: [{ index: 0, logprobs: null, native_finish_reason: 'stop', ...choice }],
		usage,
	};
	sdkParsed(chatResultFromJSON(JSON.stringify(body)));
	return body;
}

/** One `chat.completion.chunk` event, checked against @openrouter/sdk's ChatStreamChunk. */
function event(fields: Record<string, unknown>): string {
	const data = JSON.stringify({
		id: 'gen-2',
		object: 'chat.completion.chunk',
		created: 1_791_383_960,
		model: 'deepseek/deepseek-v4.1-flash',
		provider: 'InferenceNet',
		...fields,
	});
	sdkParsed(chatStreamChunkFromJSON(data));
	return `data: ${data}\n\n`;
}

function delta(fields: Record<string, unknown>, finishReason: string | null = null): string {
	return event({
		choices: [{ index: 0, delta: fields, finish_reason: finishReason, native_finish_reason: null }],
	});
}

/** The completion a stream of these events reads as, between OpenRouter's comment and `[DONE]`. */
async function readEvents(...events: string[]) {
	async function* body() {
		yield* [': OPENROUTER PROCESSING\n\n', ...events, 'data: [DONE]\n\n'];
	}
	return await readCompletionStream(body(), () => {});
}

/** A call without the user's own provider key, as OpenRouter reports it: what it paid the provider is inside `cost`. */
const USAGE = {
	prompt_tokens: 37,
	completion_tokens: 8,
	total_tokens: 45,
	cost: 0.0000126,
	is_byok: false,
	prompt_tokens_details: {
		cached_tokens: 0,
		cache_write_tokens: 0,
		audio_tokens: 0,
		video_tokens: 0,
	},
	cost_details: {
		upstream_inference_cost: 0.0000126,
		upstream_inference_prompt_cost: 0.0000074,
		upstream_inference_completions_cost: 0.0000052,
	},
	completion_tokens_details: { reasoning_tokens: 0, image_tokens: 0, audio_tokens: 0 },
};

const MESSAGE = { role: 'assistant', refusal: null, reasoning: null };

describe("OpenRouter's answers as @openrouter/sdk types them", () => {
	it("counts what OpenRouter paid the provider once without the user's own key: it is inside usage.cost", async () => {
		const whole = readCompletion(
			answer({ finish_reason: 'stop', message: { ...MESSAGE, content: 'Hello.' } }),
		);
		const streamed = await readEvents(
			delta({ role: 'assistant', content: 'Hello.' }),
			delta({ content: '' }, 'stop'),
			event({ choices: [], usage: USAGE }),
		);

		for (const completion of [whole, streamed]) {
			expect(completion).toMatchObject({ gatewayCostUsd: 0.0000126, upstreamCostUsd: null });
		}
	});

	it("still adds a BYOK provider's charge to OpenRouter's fee", () => {
		const byok = {
			...USAGE,
			cost: 0.00000063,
			is_byok: true,
			cost_details: { ...USAGE.cost_details, upstream_inference_cost: 0.0000126 },
		};
		const completion = readCompletion(
			answer({ finish_reason: 'stop', message: { ...MESSAGE, content: 'Hello.' } }, byok),
		);

		expect(completion.gatewayCostUsd).toBeCloseTo(0.00001323, 12);
		expect(completion.upstreamCostUsd).toBe(0.0000126);
	});

	it('reads a message whose content is a list of parts: its text parts, in order', () => {
		const completion = readCompletion(
			answer({
				finish_reason: 'stop',
				message: {
					...MESSAGE,
					content: [
						{ type: 'text', text: 'Paris is ' },
						{ type: 'text', text: 'the capital.' },
					],
				},
			}),
		);

		expect(completion).toMatchObject({ content: 'Paris is the capital.', finishReason: 'stop' });
	});

	it("takes a streamed tool call's name once when each of the call's chunks repeats it", async () => {
		const call = (fields: Record<string, unknown>) => ({ index: 0, type: 'function', ...fields });
		const completion = await readEvents(
			delta({
				role: 'assistant',
				content: null,
				tool_calls: [call({ id: 'call_1', function: { name: 'get_weather', arguments: '' } })],
			}),
			delta({
				tool_calls: [
					call({ id: 'call_1', function: { name: 'get_weather', arguments: '{"city":' } }),
				],
			}),
			delta(
				{ tool_calls: [call({ function: { name: 'get_weather', arguments: '"Paris"}' } })] },
				'tool_calls',
			),
		);

		expect(completion.toolCalls).toEqual([
			{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
		]);
	});

	it('an answer that finished with an error is read with what the gateway said, for the core to fail it as paid', async () => {
		const whole = readCompletion(
			answer({
				finish_reason: 'error',
				message: { ...MESSAGE, content: 'Paris is' },
				error: { code: 502, message: 'Provider disconnected' },
			}),
		);
		const streamed = await readEvents(
			delta({ role: 'assistant', content: 'Paris is' }),
			delta({ content: '' }, 'error'),
			event({ choices: [], usage: USAGE }),
		);

		expect(whole).toMatchObject({
			content: 'Paris is',
			finishReason: 'error',
			finishError: 'Gateway reported an error (502): Provider disconnected',
			gatewayCostUsd: 0.0000126,
		});
		expect(streamed).toMatchObject({
			content: 'Paris is',
			finishReason: 'error',
			finishError: 'Gateway reported an error: the answer finished with an error',
			gatewayCostUsd: 0.0000126,
		});
	});

	it('reads a refusal, whole or streamed, as the refusal and no content', async () => {
		const whole = readCompletion(
			answer({
				finish_reason: 'stop',
				message: { ...MESSAGE, content: null, refusal: "I can't help with that." },
			}),
		);
		const streamed = await readEvents(
			delta({ role: 'assistant', content: null, refusal: "I can't " }),
			delta({ refusal: 'help with that.' }, 'stop'),
			event({ choices: [], usage: USAGE }),
		);

		for (const completion of [whole, streamed])
			expect(completion).toMatchObject({ content: '', refusal: "I can't help with that." });
	});

	it('an error reported with status 200 names the provider and its raw error, as an error status does', () => {
		const error = {
			code: 502,
			message: 'Provider returned error',
			metadata: { provider_name: 'Acme', raw: 'overloaded' },
		};

		expect(() => readCompletion({ error })).toThrow(
			expect.objectContaining({
				kind: 'upstream_error',
				status: 502,
				message:
					'Gateway reported an error (502): Provider returned error (provider: Acme): overloaded',
			}),
		);
	});
});

describe("OpenRouter's model list", () => {
	it('reads the entries it can: one without an id is left out, a price given as a number is read', () => {
		const models = readModels({
			data: [
				{ name: 'No id' },
				{ id: '', name: 'Empty id' },
				{ id: 'vendor/numeric', pricing: { prompt: 0.00000015, completion: 0.0000006 } },
				{ id: 'vendor/text', pricing: { prompt: '0.000001', completion: '0.000002' } },
			],
		});

		expect(models.map(({ id, price }) => ({ id, price }))).toEqual([
			{ id: 'vendor/numeric', price: { promptPicoUsd: 150_000, completionPicoUsd: 600_000 } },
			{ id: 'vendor/text', price: { promptPicoUsd: 1_000_000, completionPicoUsd: 2_000_000 } },
		]);
	});

	it('prices each model it can: a variable price ("-1") or a price member left null leaves that model unpriced, not the list unread', () => {
		const models = readModels({
			data: [
				{ id: 'openrouter/auto', name: 'Auto Router', pricing: { prompt: '-1', completion: '-1' } },
				{ id: 'vendor/unpriced', name: 'Unpriced', pricing: { prompt: null, completion: null } },
				{
					id: 'vendor/priced',
					name: 'Priced',
					context_length: 131_072,
					pricing: { prompt: '0.00000015', completion: '0.0000006', image: '0', request: '0' },
					architecture: { input_modalities: ['text', 'image'], output_modalities: ['text'] },
				},
			],
		});

		expect(models.map(({ id, price }) => ({ id, price }))).toEqual([
			{ id: 'openrouter/auto', price: null },
			{ id: 'vendor/unpriced', price: null },
			{ id: 'vendor/priced', price: { promptPicoUsd: 150_000, completionPicoUsd: 600_000 } },
		]);
	});
});

describe("an OpenAI-compatible server's model list", () => {
	it('reads a list sent as a bare array, as Together AI sends it', () => {
		const models = readModels([
			{
				id: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
				object: 'model',
				created: 1,
				type: 'chat',
				context_length: 131_072,
				pricing: { hourly: 0, input: 0.88, output: 0.88, base: 0, finetune: 0 },
			},
		]);

		expect(models).toEqual([
			expect.objectContaining({
				id: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
				contextLength: 131_072,
				price: null,
			}),
		]);
	});

	it("reads vLLM's max_model_len as the context length", () => {
		const models = readModels({
			object: 'list',
			data: [
				{
					id: 'Qwen/Qwen2.5-7B-Instruct',
					object: 'model',
					created: 1,
					owned_by: 'vllm',
					root: 'Qwen/Qwen2.5-7B-Instruct',
					parent: null,
					max_model_len: 32_768,
					permission: [],
				},
			],
		});

		expect(models).toEqual([
			expect.objectContaining({
				id: 'Qwen/Qwen2.5-7B-Instruct',
				contextLength: 32_768,
				price: null,
			}),
		]);
	});
});
