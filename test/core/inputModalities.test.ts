import {
	estimatePromptTokens,
	PricingCache,
	routeCascade,
	routeChat,
	type ChatClient,
} from '../../nodes/RoutedChat/core';
import type { ChatMessage } from '../../nodes/RoutedChat/core/types';
import { pricedModel } from '../mock-gateway/jestFixture';
import { fakeClock, gatewayFixture, plan } from './support';

const TEXT_ONLY = 'text/only';
const VISION = 'vision/model';
const withImage: ChatMessage[] = [
	{
		role: 'user',
		content: 'Describe it',
		parts: [
			{ type: 'text', text: 'Describe it' },
			{ type: 'image', url: 'https://example.com/a.png' },
		],
	},
];

describe('input modalities in the chain walk', () => {
	const fixture = gatewayFixture([
		pricedModel(TEXT_ONLY),
		pricedModel(VISION, { inputModalities: ['text', 'image'] }),
	]);
	/** The same gateway, but its /models leaves `hidden` out (or fails to load). */
	const listing = (list: 'without text-only' | 'failing'): ChatClient => ({
		...fixture.client,
		listModels: async (options) => {
			if (list === 'failing') throw new Error('models unavailable');
			return (await fixture.client.listModels(options)).filter((model) => model.id !== TEXT_ONLY);
		},
	});

	it.each(['without text-only', 'failing'] as const)(
		'asks a model whose modalities are unknown (list %s); the gateway refuses it and the next serves',
		async (list) => {
			const result = await routeChat(plan([TEXT_ONLY, VISION], { messages: withImage }), {
				client: listing(list),
				clock: fakeClock(),
			});

			expect(result.chainModel).toBe(VISION);
			expect(result.attempts).toMatchObject([
				{
					model: TEXT_ONLY,
					outcome: 'error',
					status: 404,
					error: expect.stringContaining('No endpoints found that support image input'),
				},
				{ model: VISION, outcome: 'success' },
			]);
		},
	);

	it('in a cascade, skips a cheap tier none of whose models takes the input and escalates', async () => {
		const cache = new PricingCache(60_000);
		const prices = async () =>
			await cache.get('mock', 0, () => fixture.client.listModels({ timeoutMs: 5_000 }));
		const result = await routeCascade(
			{
				cheap: plan([TEXT_ONLY], { tier: 'cheap', messages: withImage }),
				strong: plan([VISION], { tier: 'strong', messages: withImage }),
				checks: {},
				repair: false,
			},
			{ client: fixture.client, clock: fakeClock(), prices },
		);

		expect(result.chainModel).toBe(VISION);
		expect(result.escalated).toBe(true);
		expect(result.attempts).toMatchObject([
			{ model: TEXT_ONLY, outcome: 'skipped', skipped: 'modality', stage: 'cheap' },
			{ model: VISION, outcome: 'success', stage: 'strong' },
		]);
	});

	it('does not read /models for a text-only conversation without a cap', async () => {
		let listed = 0;
		const client: ChatClient = {
			...fixture.client,
			listModels: async (options) => {
				listed++;
				return await fixture.client.listModels(options);
			},
		};
		const result = await routeChat(plan([TEXT_ONLY]), { client, clock: fakeClock() });

		expect(result.chainModel).toBe(TEXT_ONLY);
		// The mock reports the cost: no price was needed either.
		expect(listed).toBe(0);
	});
});

describe('the prompt estimate of media', () => {
	const user = (parts: ChatMessage['parts']): ChatMessage[] => [
		{ role: 'user', content: 'abcd', parts: [{ type: 'text', text: 'abcd' }, ...(parts ?? [])] },
	];

	it('counts 1,600 tokens an image and 3,000 a PDF page', () => {
		expect(
			estimatePromptTokens(
				user([
					{ type: 'image', url: 'https://example.com/a.png' },
					{ type: 'file', filename: 'a.pdf', url: 'data:application/pdf;base64,AAAA', pages: 2 },
				]),
			),
		).toBe(1 + 1_600 + 6_000);
	});

	it('takes one page per started 100 KB of a PDF whose pages were not counted', () => {
		// 250,002 bytes of zeros: 333,336 base64 characters.
		const url = `data:application/pdf;base64,${'A'.repeat(333_336)}`;
		expect(estimatePromptTokens(user([{ type: 'file', filename: 'a.pdf', url }]))).toBe(
			1 + 3 * 3_000,
		);
	});

	it('has no bound for a PDF the gateway fetches by URL (budgets bound it by the context length)', () => {
		expect(
			estimatePromptTokens(
				user([{ type: 'file', filename: 'a.pdf', url: 'https://example.com/a.pdf' }]),
			),
		).toBe(Infinity);
	});
});
