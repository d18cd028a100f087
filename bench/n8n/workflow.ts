export const BENCH_WORKFLOW_ID = 'routedChatBench01';
export const OPENROUTER_CREDENTIAL = {
	id: 'routedChatBenchOR',
	name: 'OpenRouter (built-in, bench mock)',
};

/**
 * One node that sends every item to the mock: Routed Chat (pinned, default
 * options unless `concurrency` is set), n8n's HTTP Request node posting the
 * same body (batching: `concurrency` per batch, no interval), or the Basic LLM
 * Chain with the OpenRouter Chat Model (batching: `concurrency` per batch);
 * or n8n's Edit Fields (Set) node evaluating the prompt's expression alone,
 * which sends nothing: n8n's own cost of the expression every item pays.
 */
export interface Branch {
	name: string;
	kind: 'routedChat' | 'httpRequest' | 'chain' | 'setField';
	model: string;
	concurrency?: number;
}

interface Credentials {
	routedChat: { id: string; name: string };
}

const SPLIT_NODE = 'One item per prompt';

/**
 * The same prompts through every branch. With execution order v1, n8n runs
 * the branches of one output one after the other, top (smallest y) first, so
 * the order of `branches` is the order they run in, in one process.
 */
export function benchWorkflow(
	items: number,
	branches: Branch[],
	credentials: Credentials,
	baseUrl: string,
): Record<string, unknown> {
	const prompts = Array.from({ length: items }, (_, index) => ({
		prompt: `Question ${index + 1}: name one prime number.`,
	}));
	const chatModels = [
		...new Set(branches.filter((branch) => branch.kind === 'chain').map((b) => b.model)),
	];
	const modelNode = (model: string) => `OpenRouter Chat Model ${model}`;
	const nodes: Array<Record<string, unknown>> = [
		{
			id: nodeId(1),
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: nodeId(2),
			name: 'Prompts',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ prompts }), options: {} },
		},
		{
			id: nodeId(3),
			name: SPLIT_NODE,
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [400, 0],
			parameters: { fieldToSplitOut: 'prompts', options: {} },
		},
		...branches.map((branch, index) => ({
			id: nodeId(10 + index),
			name: branch.name,
			position: [700, index * 200],
			...branchNode(branch, credentials, baseUrl),
		})),
		...chatModels.map((model, index) => ({
			id: nodeId(100 + index),
			name: modelNode(model),
			type: '@n8n/n8n-nodes-langchain.lmChatOpenRouter',
			typeVersion: 1,
			position: [1000, index * 200],
			// Its default is 2 retries; the mock never fails here, so this only matches Routed Chat's single attempt.
			parameters: { model, options: { maxRetries: 0 } },
			credentials: { openRouterApi: OPENROUTER_CREDENTIAL },
		})),
	];
	const chainsOf = (model: string) =>
		branches.filter((branch) => branch.kind === 'chain' && branch.model === model);
	return {
		id: BENCH_WORKFLOW_ID,
		name: `Routed Chat bench: ${items} items`,
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
		nodes,
		connections: {
			Start: { main: [[{ node: 'Prompts', type: 'main', index: 0 }]] },
			Prompts: { main: [[{ node: SPLIT_NODE, type: 'main', index: 0 }]] },
			[SPLIT_NODE]: {
				main: [branches.map((branch) => ({ node: branch.name, type: 'main', index: 0 }))],
			},
			...Object.fromEntries(
				chatModels.map((model) => [
					modelNode(model),
					{
						ai_languageModel: [
							chainsOf(model).map((chain) => ({
								node: chain.name,
								type: 'ai_languageModel',
								index: 0,
							})),
						],
					},
				]),
			),
		},
	};
}

function nodeId(index: number): string {
	return `b0000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
}

function branchNode(branch: Branch, credentials: Credentials, baseUrl: string) {
	switch (branch.kind) {
		case 'routedChat':
			return {
				type: 'n8n-nodes-routed-chat.routedChat',
				typeVersion: 1,
				parameters: {
					prompt: '={{ $json.prompt }}',
					routing: 'pinned',
					model: { __rl: true, mode: 'id', value: branch.model },
					options: branch.concurrency === undefined ? {} : { concurrency: branch.concurrency },
				},
				credentials: { routedChatOpenRouterApi: credentials.routedChat },
			};
		case 'httpRequest':
			return {
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: {
					method: 'POST',
					url: `${baseUrl}/chat/completions`,
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'openRouterApi',
					sendBody: true,
					specifyBody: 'json',
					// The body Routed Chat sends for a pinned model with default options.
					jsonBody: `={{ JSON.stringify({ model: ${JSON.stringify(branch.model)}, messages: [{ role: 'user', content: $json.prompt }], usage: { include: true } }) }}`,
					options: {
						batching: { batch: { batchSize: branch.concurrency ?? 10, batchInterval: 0 } },
					},
				},
				credentials: { openRouterApi: OPENROUTER_CREDENTIAL },
			};
		case 'setField':
			return {
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				parameters: {
					mode: 'manual',
					assignments: {
						assignments: [
							{ id: 'prompt', name: 'prompt', type: 'string', value: '={{ $json.prompt }}' },
						],
					},
					options: {},
				},
			};
		case 'chain':
			return {
				type: '@n8n/n8n-nodes-langchain.chainLlm',
				typeVersion: 1.9,
				parameters: {
					promptType: 'define',
					text: '={{ $json.prompt }}',
					batching: { batchSize: branch.concurrency ?? 5, delayBetweenBatches: 0 },
				},
			};
	}
}
