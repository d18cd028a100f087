import type { Cost, CostSummary, Usage } from '../../nodes/RoutedChat/core';
import { runWorkflow, type WorkflowRun } from './harness';
import { chatWorkflow, credentialsFor, outputJson, pinned, ROUTED_CHAT } from './support';
import type { GenerationBehaviour } from '../mock-gateway';
import { chargedUsd, mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';
import { generationLookups as lookups } from '../mock-gateway/receivedRequests';

const MODEL = 'anthropic/claude-sonnet';
// 120 characters: 30 prompt tokens, the prefix Cache Control marks.
const SYSTEM = 'You triage support tickets for Acme. Answer with one word. '
	.repeat(3)
	.slice(0, 120);

interface ItemJson {
	content: string;
	cost: Cost;
	usage: Usage;
}

const items = (result: WorkflowRun) => outputJson(result, ROUTED_CHAT) as unknown as ItemJson[];

describe('Generation Stats option', () => {
	const fixture = mockGatewayFixture([pricedModel(MODEL)]);
	const statsBehaviour = (generationStats: GenerationBehaviour) =>
		fixture.gateway.setModel(pricedModel(MODEL, { generationStats }));
	const run = (options: Record<string, unknown>, credentials = credentialsFor(fixture.gateway)) =>
		runWorkflow(
			chatWorkflow(
				pinned(MODEL, { systemMessage: SYSTEM, options: { concurrency: 1, ...options } }),
			),
			{
				credentials,
				inputItems: [{ text: 'My invoice is wrong' }, { text: 'The site is down' }],
			},
		);

	it('reads each answer’s stats: cost.source generation, native tokens, the cache discount, a summary that reconciles', async () => {
		const result = await run({ generationStats: true, cacheControl: 'system', costSummary: true });

		expect(result.status).toBe('success');
		const [first, second] = items(result);
		const { summary } = outputJson(result, ROUTED_CHAT)[2] as unknown as { summary: CostSummary };
		expect(lookups(fixture.gateway).map((request) => request.method)).toEqual(['GET', 'GET']);
		expect(first.cost.source).toBe('generation');
		expect(second.cost.source).toBe('generation');
		expect(second.usage).toMatchObject({ cachedTokens: 30, nativeCachedTokens: 30 });
		expect(second.usage.nativePromptTokens).toBe(second.usage.promptTokens);
		// At $1 per million prompt tokens, the write costs 30 × $0.00000025 more; the read saves 30 × $0.0000009.
		expect(first.cost.cacheDiscountUsd).toBe(-0.0000075);
		expect(second.cost.cacheDiscountUsd).toBe(0.000027);
		expect(summary.cacheDiscountUsd).toBe(0.0000195);
		expect(summary.cachedTokens).toBe(30);
		expect(summary.cacheWriteTokens).toBe(30);
		// What the gateway charged the key, by its own books, is what the items and the summary say.
		const charged = await chargedUsd(fixture.gateway);
		expect(summary.totalCostUsd).toBeCloseTo(charged, 12);
		expect((first.cost.totalUsd ?? 0) + (second.cost.totalUsd ?? 0)).toBeCloseTo(charged, 12);
	});

	it('asks nothing when off, and the cost is the answer’s usage.cost', async () => {
		const result = await run({});

		expect(lookups(fixture.gateway)).toHaveLength(0);
		const [first] = items(result);
		expect(first.cost.source).toBe('gateway');
		expect(first.usage).not.toHaveProperty('nativePromptTokens');
	});

	it('waits out stats that lag the answer (n8n’s own sleep), then uses them', async () => {
		statsBehaviour({ lag: 1 });
		const result = await run({ generationStats: true });

		expect(result.status).toBe('success');
		// Each answer's stats are not written at the first lookup (404), and read at the second.
		expect(lookups(fixture.gateway)).toHaveLength(4);
		const served = items(result);
		expect(served.map((item) => item.content)).toEqual([
			`${MODEL} answered: My invoice is wrong`,
			`${MODEL} answered: The site is down`,
		]);
		expect(served.map((item) => item.cost.source)).toEqual(['generation', 'generation']);
		const charged = await chargedUsd(fixture.gateway);
		expect(served.reduce((sum, item) => sum + (item.cost.totalUsd ?? 0), 0)).toBeCloseTo(
			charged,
			12,
		);
	});

	it('keeps every item when the stats cannot be read, with the reason on its cost', async () => {
		statsBehaviour({ fault: { status: 403, message: 'Not your generation' } });
		const result = await run({ generationStats: true });

		expect(result.status).toBe('success');
		expect(items(result)).toHaveLength(2);
		for (const item of items(result)) {
			expect(item.content).toContain('answered');
			expect(item.cost).toMatchObject({
				source: 'gateway',
				generationError: 'Generation stats not read: 403 Not your generation (1 lookup)',
			});
		}
	});

	it('asks a gateway that is not OpenRouter nothing', async () => {
		const result = await run(
			{ generationStats: true },
			credentialsFor(fixture.gateway, { gatewayType: 'openAiCompatible' }),
		);

		expect(lookups(fixture.gateway)).toHaveLength(0);
		const [first] = items(result);
		expect(first.content).toContain('answered');
		expect(first.cost.generationError).toMatch(/OpenRouter only/);
	});
});
