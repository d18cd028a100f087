import type { INodeParameters } from 'n8n-workflow';

import { runWorkflow } from './harness';
import { chatWorkflow, credentialsFor, outputJson, pinned, ROUTED_CHAT } from './support';
import { chatRequests, mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';

const MODEL = 'meta-llama/llama-3.3-70b';

describe('provider preferences', () => {
	const fixture = mockGatewayFixture([pricedModel(MODEL)]);
	const run = (options: INodeParameters) =>
		runWorkflow(chatWorkflow(pinned(MODEL, { options }), { onError: 'continueErrorOutput' }), {
			credentials: credentialsFor(fixture.gateway),
			inputItems: [{ text: 'hello' }],
		});
	const sentProvider = () =>
		(chatRequests(fixture.gateway)[0]?.body as { provider?: unknown } | undefined)?.provider;

	it('sends only, ignore, quantizations and require_parameters in OpenRouter wire names', async () => {
		const result = await run({
			providerOnly: 'DeepInfra, Together',
			providerIgnore: 'Lambda',
			providerQuantizations: ['fp8', 'bf16'],
			providerRequireParameters: true,
			providerSort: 'price',
		});

		expect(result.status).toBe('success');
		expect(sentProvider()).toEqual({
			sort: 'price',
			only: ['DeepInfra', 'Together'],
			ignore: ['Lambda'],
			quantizations: ['fp8', 'bf16'],
			require_parameters: true,
		});
	});

	it('reads the options from expressions, item by item, trimming the lists', async () => {
		const result = await runWorkflow(
			chatWorkflow(
				pinned(MODEL, {
					options: {
						providerOrder: '={{ $json.order }}',
						providerAllowFallbacks: '={{ $json.fallbacks }}',
						providerDataCollection: '={{ $json.collection }}',
						providerZdr: '={{ $json.zdr }}',
						providerMaxPromptPrice: '={{ $json.maxPrompt }}',
						providerMaxCompletionPrice: '={{ $json.maxCompletion }}',
						// An expression gives a multi-option as n8n's editor writes it: text, comma-separated.
						providerQuantizations: '={{ $json.quantizations }}',
					},
				}),
				{ onError: 'continueErrorOutput' },
			),
			{
				credentials: credentialsFor(fixture.gateway),
				inputItems: [
					{
						text: 'hello',
						order: ' Anthropic ,, OpenAI ',
						fallbacks: false,
						collection: 'deny',
						zdr: true,
						maxPrompt: '0.5',
						maxCompletion: '',
						quantizations: 'fp8, bf16',
					},
				],
			},
		);

		expect(outputJson(result, ROUTED_CHAT, 1)).toEqual([]);
		expect(sentProvider()).toEqual({
			order: ['Anthropic', 'OpenAI'],
			allow_fallbacks: false,
			data_collection: 'deny',
			zdr: true,
			max_price: { prompt: 0.5 },
			quantizations: ['fp8', 'bf16'],
		});
	});

	it('sends no provider object when none is set', async () => {
		await run({ providerOnly: ' , ', providerQuantizations: [], providerRequireParameters: false });

		expect(chatRequests(fixture.gateway)).toHaveLength(1);
		expect(sentProvider()).toBeUndefined();
	});

	it('refuses an unknown quantization, naming the field, before any call', async () => {
		const result = await run({ providerQuantizations: ['fp8', 'fp7'] });

		expect(chatRequests(fixture.gateway)).toHaveLength(0);
		expect(outputJson(result, ROUTED_CHAT, 1)[0].error).toMatch(
			/options\.providerQuantizations\.1/,
		);
	});
});
