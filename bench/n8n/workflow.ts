import { SLOW_MODEL } from '../support/benchModels';

export const ROUTED_CHAT_NODE = 'Routed Chat';
export const ROUTED_CHAT_20_NODE = 'Routed Chat, concurrency 20';
export const CHAIN_NODE = 'Basic LLM Chain';
export const BENCH_WORKFLOW_ID = 'routedChatBench01';
export const OPENROUTER_CREDENTIAL = {
	id: 'routedChatBenchOR',
	name: 'OpenRouter (built-in, bench mock)',
};

interface Ids {
	routedChatCredential: { id: string; name: string };
}

/**
 * The same prompts through both nodes, each at its defaults: Routed Chat runs
 * 5 items at a time (options.concurrency), the Basic LLM Chain 1.9 in batches
 * of 5 (batching.batchSize). A third branch shows Routed Chat with its
 * concurrency option raised. The branches run one after the other, Routed Chat
 * first, so it is the one that warms up n8n's expression engine.
 */
export function comparisonWorkflow(
	items: number,
	{ routedChatCredential }: Ids,
): Record<string, unknown> {
	const prompts = Array.from({ length: items }, (_, index) => ({
		prompt: `Question ${index + 1}: name one prime number.`,
	}));
	return {
		id: BENCH_WORKFLOW_ID,
		name: `Routed Chat bench: ${items} items vs Basic LLM Chain`,
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
		nodes: [
			{
				id: 'b0000000-0000-4000-8000-000000000001',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'b0000000-0000-4000-8000-000000000002',
				name: 'Prompts',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [200, 0],
				parameters: { mode: 'raw', jsonOutput: JSON.stringify({ prompts }), options: {} },
			},
			{
				id: 'b0000000-0000-4000-8000-000000000003',
				name: 'One item per prompt',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [400, 0],
				parameters: { fieldToSplitOut: 'prompts', options: {} },
			},
			routedChatNode(
				'b0000000-0000-4000-8000-000000000004',
				ROUTED_CHAT_NODE,
				-100,
				{},
				routedChatCredential,
			),
			routedChatNode(
				'b0000000-0000-4000-8000-000000000007',
				ROUTED_CHAT_20_NODE,
				500,
				{ concurrency: 20 },
				routedChatCredential,
			),
			{
				id: 'b0000000-0000-4000-8000-000000000005',
				name: CHAIN_NODE,
				type: '@n8n/n8n-nodes-langchain.chainLlm',
				typeVersion: 1.9,
				position: [600, 100],
				parameters: { promptType: 'define', text: '={{ $json.prompt }}' },
			},
			{
				id: 'b0000000-0000-4000-8000-000000000006',
				name: 'OpenRouter Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenRouter',
				typeVersion: 1,
				position: [600, 300],
				// Its default is 2 retries; the mock never fails here, so this only matches Routed Chat's single attempt.
				parameters: { model: SLOW_MODEL, options: { maxRetries: 0 } },
				credentials: { openRouterApi: OPENROUTER_CREDENTIAL },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Prompts', type: 'main', index: 0 }]] },
			Prompts: { main: [[{ node: 'One item per prompt', type: 'main', index: 0 }]] },
			'One item per prompt': {
				main: [
					[
						{ node: ROUTED_CHAT_NODE, type: 'main', index: 0 },
						{ node: CHAIN_NODE, type: 'main', index: 0 },
						{ node: ROUTED_CHAT_20_NODE, type: 'main', index: 0 },
					],
				],
			},
			'OpenRouter Chat Model': {
				ai_languageModel: [[{ node: CHAIN_NODE, type: 'ai_languageModel', index: 0 }]],
			},
		},
	};
}

/** A Routed Chat node pinned to the slow mock model, reading each item's prompt. */
function routedChatNode(
	id: string,
	name: string,
	y: number,
	options: Record<string, unknown>,
	credential: { id: string; name: string },
) {
	return {
		id,
		name,
		type: 'n8n-nodes-routed-chat.routedChat',
		typeVersion: 1,
		position: [600, y],
		parameters: {
			prompt: '={{ $json.prompt }}',
			routing: 'pinned',
			model: { __rl: true, mode: 'id', value: SLOW_MODEL },
			options,
		},
		credentials: { routedChatOpenRouterApi: credential },
	};
}
