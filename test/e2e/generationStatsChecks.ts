import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { DEMO_CREDENTIAL } from '../../scripts/n8n/credential';
import { type Json, outputItems, succeeded } from '../../scripts/n8n/execution';
import { n8nOrThrow } from '../../scripts/n8n/instance';
import { executeWorkflow, type Stage } from '../../scripts/n8n/stage';
import { ROUTED_CHAT_TYPE } from '../../scripts/n8n/workflowFile';
import type { Check } from './check';
import { expectedCostUsd, type Pricing } from './mockPricing';

const MODEL = 'meta-llama/llama-3.1-8b-instruct';
const NODE = 'Routed Chat';
const PROMPTS = ['Say hello in Italian.', 'Say hello in Spanish.'];

/** Manual Trigger → two prompts → Routed Chat with Generation Stats on. */
const workflow = {
	id: 'routedChatE2eGen',
	name: 'Routed Chat e2e: Generation Stats',
	nodes: [
		{
			id: 'e2e6e000-0000-4000-8000-000000000001',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'e2e6e000-0000-4000-8000-000000000002',
			name: 'Two prompts',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [220, 0],
			parameters: {
				jsCode: `return ${JSON.stringify(PROMPTS)}.map((prompt) => ({ json: { prompt } }));`,
			},
		},
		{
			id: 'e2e6e000-0000-4000-8000-000000000003',
			name: NODE,
			type: ROUTED_CHAT_TYPE,
			typeVersion: 1,
			position: [440, 0],
			parameters: {
				prompt: '={{ $json.prompt }}',
				routing: 'pinned',
				model: { __rl: true, mode: 'id', value: MODEL },
				fallbackMode: 'client',
				options: { generationStats: true, maxTokens: 100 },
			},
			credentials: { routedChatOpenRouterApi: DEMO_CREDENTIAL },
		},
	],
	connections: {
		Start: { main: [[{ node: 'Two prompts', type: 'main', index: 0 }]] },
		'Two prompts': { main: [[{ node: NODE, type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
};

/**
 * Imports and runs a workflow with Generation Stats on in the staged n8n: each answer's cost comes
 * from the mock's GET /generation, asked through n8n's own HTTP helper with the credential.
 */
export async function generationStatsChecks(
	stage: Stage,
	pricing: Map<string, Pricing>,
): Promise<Check[]> {
	const path = join(stage.instance.userFolder, 'generation-stats.json');
	await writeFile(path, JSON.stringify(workflow, null, '\t'));
	await n8nOrThrow(stage.instance, ['import:workflow', `--input=${path}`]);
	const { execution } = await executeWorkflow(stage, workflow);
	const items = outputItems(execution, NODE).map((item) => item.json);
	return [
		{
			name: 'Generation Stats: the workflow succeeds with one item per prompt',
			run: () => {
				assert.ok(succeeded(execution), `status ${execution.status}`);
				assert.equal(items.length, PROMPTS.length);
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
