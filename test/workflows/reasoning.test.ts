import type { INodeProperties } from 'n8n-workflow';

import { RoutedChat } from '../../nodes/RoutedChat/RoutedChat.node';
import { runWorkflow } from './harness';
import { chatWorkflow, credentialsFor, outputJson, pinned, ROUTED_CHAT } from './support';
import { chatRequests, mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';

const THINKER = 'think/deep';
// 100 characters: 25 reasoning tokens at the mock's 4 characters per token.
const THOUGHTS = 'First the question, then the facts, then the answer. '.repeat(2).slice(0, 100);

describe('reasoning', () => {
	const fixture = mockGatewayFixture([
		pricedModel(THINKER, {
			reasoning: THOUGHTS,
			pricing: { prompt: '0.000001', completion: '0.000002' },
		}),
	]);
	const credentials = () => credentialsFor(fixture.gateway);
	const sentBody = () => chatRequests(fixture.gateway)[0].body as Record<string, unknown>;
	const run = (options: Record<string, unknown>, streamed = false) =>
		runWorkflow(
			chatWorkflow(pinned(THINKER, { options: { retries: 0, ...options } }), {
				onError: 'continueErrorOutput',
			}),
			{
				credentials: credentials(),
				inputItems: [{ text: 'Why is the sky blue?' }],
				// In streaming mode (a Webhook that streams), the answer comes as server-sent events.
				onChunk: streamed ? () => {} : undefined,
			},
		);

	it.each([
		['whole', false],
		['streamed', true],
	])(
		'sends a reasoning budget as OpenRouter reasoning, and outputs the text and tokens (%s)',
		async (_, streamed) => {
			const result = await run({ reasoningMaxTokens: 20 }, streamed);
			expect(sentBody().stream === true).toBe(streamed);

			expect(sentBody().reasoning).toEqual({ max_tokens: 20 });
			const [item] = outputJson(result, ROUTED_CHAT);
			expect(item.reasoning).toBe(THOUGHTS);
			expect(item.usage).toMatchObject({ reasoningTokens: 20 });
			const usage = item.usage as { completionTokens: number };
			expect(usage.completionTokens).toBeGreaterThan(20);
		},
	);

	it('leaves the text out under Exclude Reasoning even when the gateway sends it anyway', async () => {
		fixture.gateway.setModel(
			pricedModel(THINKER, {
				reasoning: THOUGHTS,
				ignoresExclude: true,
				pricing: { prompt: '0.000001', completion: '0.000002' },
			}),
		);
		const result = await run({ reasoningEffort: 'low', excludeReasoning: true });

		const [item] = outputJson(result, ROUTED_CHAT);
		expect(item.model).toBe(THINKER);
		expect(item).not.toHaveProperty('reasoning');
	});

	it('takes Max Tokens and Reasoning Max Tokens together as the editor adds them', async () => {
		const options = new RoutedChat().description.properties.find(
			(property) => property.name === 'options',
		)?.options as INodeProperties[];
		const added = (name: string) => options.find((option) => option.name === name)?.default;

		const result = await run({
			maxTokens: added('maxTokens'),
			reasoningMaxTokens: added('reasoningMaxTokens'),
		});

		const [item] = outputJson(result, ROUTED_CHAT);
		expect(item.error).toBeUndefined();
		expect(sentBody().reasoning).toEqual({ max_tokens: added('reasoningMaxTokens') });
	});

	it('leaves the text out under Exclude Reasoning, still counting its tokens', async () => {
		const result = await run({ reasoningEffort: 'low', excludeReasoning: true });

		expect(sentBody().reasoning).toEqual({
			effort: 'low',
			exclude: true,
		});
		const [item] = outputJson(result, ROUTED_CHAT);
		expect(item).not.toHaveProperty('reasoning');
		expect(item.usage).toMatchObject({ reasoningTokens: 25 });
	});

	it.each([
		['whole', false],
		['streamed', true],
	])(
		'fails the item as empty_response, keeping its cost, when reasoning uses up Max Tokens (%s)',
		async (_, streamed) => {
			const result = await run({ reasoningEffort: 'high', maxTokens: 10 }, streamed);
			expect(sentBody().stream === true).toBe(streamed);

			expect(outputJson(result, ROUTED_CHAT)).toEqual([]);
			const [failed] = outputJson(result, ROUTED_CHAT, 1);
			expect(failed.error).toMatch(/Raise Max Tokens/);
			// One call, not retried: the same Max Tokens would be cut the same way.
			expect(chatRequests(fixture.gateway)).toHaveLength(1);
			const { attempts } = failed.details as { attempts: Array<Record<string, unknown>> };
			const [attempt] = attempts;
			expect(attempt).toMatchObject({ kind: 'empty_response', servedBy: THINKER });
			// Prompt tokens at $1/M plus 10 reasoning tokens at $2/M.
			const usage = attempt.usage as { promptTokens: number; completionTokens: number };
			expect(usage.completionTokens).toBe(10);
			expect(attempt.costUsd).toBeCloseTo(usage.promptTokens * 1e-6 + 10 * 2e-6, 12);
		},
	);

	it('refuses both an effort and a budget, and a budget not under Max Tokens, before any call', async () => {
		const both = await run({ reasoningEffort: 'low', reasoningMaxTokens: 100 });
		const over = await run({ reasoningMaxTokens: 100, maxTokens: 100 });

		expect(chatRequests(fixture.gateway)).toHaveLength(0);
		expect(outputJson(both, ROUTED_CHAT, 1)[0].error).toMatch(/reasoningMaxTokens/);
		expect(outputJson(both, ROUTED_CHAT, 1)[0].error).toMatch(/not both/);
		expect(outputJson(over, ROUTED_CHAT, 1)[0].error).toMatch(/less than Max Tokens/);
	});

	it('sends no reasoning object and outputs no reasoning when none is asked for', async () => {
		const result = await run({});

		expect(sentBody()).not.toHaveProperty('reasoning');
		const [item] = outputJson(result, ROUTED_CHAT);
		expect(item).not.toHaveProperty('reasoning');
		expect(item.usage).toMatchObject({ reasoningTokens: 0 });
	});
});
