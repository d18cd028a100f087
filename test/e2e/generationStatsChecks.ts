import assert from 'node:assert/strict';

import { type Execution, type Json, outputItems, succeeded } from '../../scripts/n8n/execution';
import type { Check } from './check';
import { expectedCostUsd, type Pricing } from './mockPricing';

const MODEL = 'meta-llama/llama-3.1-8b-instruct';
const NODE = 'Routed Chat';
/** The workflow's Code node, whose items are the prompts. */
const PROMPTS_NODE = 'Two prompts';

/**
 * test/e2e/generation-stats.json (Manual Trigger → two prompts → Routed Chat with Generation
 * Stats on) as run in the staged n8n: each answer's cost comes from the mock's GET /generation,
 * asked through n8n's own HTTP helper with the credential.
 */
export function generationStatsChecks(
	execution: Execution,
	pricing: Map<string, Pricing>,
): Check[] {
	const items = outputItems(execution, NODE).map((item) => item.json);
	return [
		{
			name: 'Generation Stats: the workflow succeeds with one item per prompt',
			run: () => {
				assert.ok(succeeded(execution), `status ${execution.status}`);
				const prompts = outputItems(execution, PROMPTS_NODE).length;
				assert.ok(prompts > 0, `${PROMPTS_NODE} gave no prompt`);
				assert.equal(items.length, prompts);
			},
		},
		{
			name: "Generation Stats: each item's cost is the generation's total_cost (cost.source 'generation'), at the published price, with the native token counts",
			run: () => {
				const price = pricing.get(MODEL);
				assert.ok(price, `the mock publishes no price for ${MODEL}`);
				for (const [index, item] of items.entries()) {
					const cost = item.cost as Json;
					const usage = item.usage as Record<string, number>;
					assert.equal(cost.source, 'generation', `item ${index}: ${JSON.stringify(cost)}`);
					assert.equal(cost.generationError, undefined);
					assert.equal(
						cost.totalUsd,
						expectedCostUsd(price, usage.promptTokens, usage.completionTokens),
						`item ${index} cost`,
					);
					assert.equal(usage.nativePromptTokens, usage.promptTokens, `item ${index} prompt`);
					assert.equal(usage.nativeCompletionTokens, usage.completionTokens);
				}
			},
		},
	];
}
