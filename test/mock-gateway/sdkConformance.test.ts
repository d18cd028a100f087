import { chatResultFromJSON } from '@openrouter/sdk/esm/models/chatresult.js';
import { generationResponseFromJSON } from '@openrouter/sdk/esm/models/generationresponse.js';
import { modelsListResponseFromJSON } from '@openrouter/sdk/esm/models/modelslistresponse.js';
import { notFoundResponseErrorDataFromJSON } from '@openrouter/sdk/esm/models/notfoundresponseerrordata.js';
import { getCurrentKeyResponseFromJSON } from '@openrouter/sdk/esm/models/operations/getcurrentkey.js';
import { unauthorizedResponseErrorDataFromJSON } from '@openrouter/sdk/esm/models/unauthorizedresponseerrordata.js';
import { startMockGateway } from './server';
import { call, cheapModel, postChat } from './testClient';
import type { MockGateway } from './types';
import { sdkParsed } from '../sdkParsed';

/** Its `error` member, re-serialized for the SDK's error data parsers. */
async function errorOf(response: Response): Promise<string> {
	return JSON.stringify(((await response.json()) as { error: unknown }).error);
}

describe('mock gateway responses parse with @openrouter/sdk', () => {
	let gateway: MockGateway;

	beforeAll(async () => {
		gateway = await startMockGateway({
			models: [
				cheapModel('meta-llama/llama-3.1-8b-instruct', {
					reply: 'Paris.',
					provider: 'DeepInfra',
					contextLength: 131_072,
				}),
				cheapModel('openai/gpt-5', {
					reply: 'Paris.',
					reasoningTokens: 64,
					cachedTokens: 4,
					finishReason: 'length',
				}),
				cheapModel('mistralai/mistral-small-3.2', { reportCost: false }),
				// 40 characters: 10 reasoning tokens.
				cheapModel('deepseek/deepseek-r1', {
					reply: 'Paris.',
					reasoning: 'France; its capital is Paris. So: Paris.',
				}),
			],
		});
	});
	afterAll(() => gateway.close());
	beforeEach(() => gateway.reset());

	// 14 + 30 characters: 11 prompt tokens.
	const messages = [
		{ role: 'system', content: 'You are terse.' },
		{ role: 'user', content: 'What is the capital of France?' },
	];

	it('chat completion: served model, content, usage and exact cost', async () => {
		const response = await postChat(gateway, {
			model: 'meta-llama/llama-3.1-8b-instruct',
			messages,
			usage: { include: true },
		});
		const text = await response.text();
		const result = sdkParsed(chatResultFromJSON(text));

		expect(response.status).toBe(200);
		expect(JSON.parse(text).provider).toBe('DeepInfra');
		expect(result).toMatchObject({
			object: 'chat.completion',
			model: 'meta-llama/llama-3.1-8b-instruct',
			systemFingerprint: null,
			choices: [
				{ index: 0, finishReason: 'stop', message: { role: 'assistant', content: 'Paris.' } },
			],
		});
		// 11 × $0.00000015 + 2 × $0.0000006
		expect(result.usage).toMatchObject({
			promptTokens: 11,
			completionTokens: 2,
			totalTokens: 13,
			cost: 0.00000285,
			isByok: false,
			costDetails: {
				upstreamInferencePromptCost: 0.00000165,
				upstreamInferenceCompletionsCost: 0.0000012,
			},
		});
	});

	it('chat completion: reasoning and cached tokens, finish reason', async () => {
		const result = sdkParsed(
			chatResultFromJSON(
				await (await postChat(gateway, { model: 'openai/gpt-5', messages })).text(),
			),
		);

		expect(result.choices[0].finishReason).toBe('length');
		expect(result.usage).toMatchObject({
			promptTokens: 11,
			completionTokens: 66,
			promptTokensDetails: { cachedTokens: 4 },
			completionTokensDetails: { reasoningTokens: 64 },
			cost: 0.00004125,
		});
	});

	it('chat completion: reasoning text and tokens, and an answer cut when reasoning fills max_tokens', async () => {
		const ask = async (body: Record<string, unknown>) =>
			sdkParsed(
				chatResultFromJSON(
					await (
						await postChat(gateway, { model: 'deepseek/deepseek-r1', messages, ...body })
					).text(),
				),
			);
		const reasoned = await ask({ reasoning: { effort: 'low' } });
		const excluded = await ask({ reasoning: { max_tokens: 4, exclude: true } });
		const cut = await ask({ reasoning: { effort: 'high' }, max_tokens: 8 });

		expect(reasoned.choices[0].message).toMatchObject({
			content: 'Paris.',
			reasoning: 'France; its capital is Paris. So: Paris.',
		});
		expect(reasoned.usage).toMatchObject({
			completionTokens: 12,
			completionTokensDetails: { reasoningTokens: 10 },
		});
		expect(excluded.choices[0].message.reasoning).toBeUndefined();
		expect(excluded.usage?.completionTokensDetails?.reasoningTokens).toBe(4);
		expect(cut.choices[0]).toMatchObject({ finishReason: 'length', message: { content: '' } });
		expect(cut.usage).toMatchObject({
			completionTokens: 8,
			completionTokensDetails: { reasoningTokens: 8 },
		});
	});

	it('chat completion: cache_control writes a prompt prefix, and a repeat reads it', async () => {
		const cachedMessages = [
			{
				role: 'system',
				content: [{ type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral' } }],
			},
			messages[1],
		];
		const ask = async () =>
			sdkParsed(
				chatResultFromJSON(
					await (
						await postChat(gateway, {
							model: 'meta-llama/llama-3.1-8b-instruct',
							messages: cachedMessages,
						})
					).text(),
				),
			);
		const first = await ask();
		const repeat = await ask();

		// 'You are terse.': 14 characters, 4 tokens.
		expect(first.usage?.promptTokensDetails).toMatchObject({
			cacheWriteTokens: 4,
			cachedTokens: 0,
		});
		expect(repeat.usage?.promptTokensDetails).toMatchObject({
			cacheWriteTokens: 0,
			cachedTokens: 4,
		});
		expect(repeat.usage?.promptTokens).toBe(11);
	});

	it('chat completion without a reported cost', async () => {
		const result = sdkParsed(
			chatResultFromJSON(
				await (await postChat(gateway, { model: 'mistralai/mistral-small-3.2', messages })).text(),
			),
		);

		expect(result.usage?.promptTokens).toBe(11);
		expect(result.usage?.cost).toBeUndefined();
		expect(result.usage?.costDetails).toBeUndefined();
	});

	it('model list: every scripted model with its pricing', async () => {
		const list = sdkParsed(
			modelsListResponseFromJSON(
				await (await call(gateway, 'GET', '/models', { apiKey: null })).text(),
			),
		);

		expect(list.data.map((model) => model.id)).toEqual([
			'meta-llama/llama-3.1-8b-instruct',
			'openai/gpt-5',
			'mistralai/mistral-small-3.2',
			'deepseek/deepseek-r1',
		]);
		expect(list.data[0]).toMatchObject({
			canonicalSlug: 'meta-llama/llama-3.1-8b-instruct',
			contextLength: 131_072,
			pricing: { prompt: '0.00000015', completion: '0.0000006' },
			topProvider: { contextLength: 131_072, isModerated: false },
			perRequestLimits: null,
		});
	});

	it('key: reports what the gateway charged', async () => {
		await postChat(gateway, { model: 'meta-llama/llama-3.1-8b-instruct', messages });
		const key = sdkParsed(
			getCurrentKeyResponseFromJSON(await (await call(gateway, 'GET', '/key')).text()),
		);

		expect(key.data).toMatchObject({ usage: 0.00000285, limit: null, isFreeTier: false });
	});

	it("generation: a billed answer's stats under the key, after a lag of 404s", async () => {
		const model = 'meta-llama/llama-3.1-8b-instruct';
		gateway.setModel(
			cheapModel(model, { reply: 'Paris.', provider: 'DeepInfra', generationStats: { lag: 1 } }),
		);
		const answer = (await (await postChat(gateway, { model, messages })).json()) as { id: string };
		const path = `/generation?id=${answer.id}`;

		const lagging = await call(gateway, 'GET', path);
		const refused = await call(gateway, 'GET', path, { apiKey: 'sk-or-wrong' });
		const stats = sdkParsed(
			generationResponseFromJSON(await (await call(gateway, 'GET', path)).text()),
		);
		const unknown = await call(gateway, 'GET', '/generation?id=gen-nobody');

		expect(sdkParsed(notFoundResponseErrorDataFromJSON(await errorOf(lagging)))).toEqual({
			code: 404,
			message: 'Generation not found',
		});
		expect(refused.status).toBe(401);
		expect(unknown.status).toBe(404);
		// 11 prompt tokens at $0.15 and 2 completion tokens ('Paris.') at $0.60 per million.
		expect(stats.data).toMatchObject({
			id: answer.id,
			model,
			providerName: 'DeepInfra',
			totalCost: 0.00000285,
			usage: 0.00000285,
			upstreamInferenceCost: 0.00000285,
			isByok: false,
			cacheDiscount: null,
			streamed: false,
			tokensPrompt: 11,
			nativeTokensPrompt: 11,
			nativeTokensCompletion: 2,
			nativeTokensReasoning: 0,
			nativeTokensCached: 0,
			finishReason: 'stop',
		});
	});

	it('error bodies', async () => {
		const unauthorized = await postChat(
			gateway,
			{ model: 'openai/gpt-5', messages },
			{ apiKey: 'sk-or-wrong' },
		);
		const notFound = await postChat(gateway, { model: 'nobody/nothing', messages });

		expect(sdkParsed(unauthorizedResponseErrorDataFromJSON(await errorOf(unauthorized)))).toEqual({
			code: 401,
			message: 'User not found.',
		});
		expect(sdkParsed(notFoundResponseErrorDataFromJSON(await errorOf(notFound)))).toEqual({
			code: 404,
			message: 'No endpoints found for nobody/nothing',
		});
	});

	it('an image to a model that publishes text input only: the 404 OpenRouter gives', async () => {
		const image = await postChat(gateway, {
			model: 'meta-llama/llama-3.1-8b-instruct',
			messages: [
				{
					role: 'user',
					content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }],
				},
			],
		});

		expect(image.status).toBe(404);
		expect(sdkParsed(notFoundResponseErrorDataFromJSON(await errorOf(image)))).toEqual({
			code: 404,
			message: 'No endpoints found that support image input',
		});
	});
});
