import { DEMO_CREDENTIAL } from '../n8n/credential';
import { ROUTED_CHAT_TYPE } from '../n8n/workflowFile';
import { QUEUE_FALLBACK_MODEL, QUEUE_PRIMARY_MODEL } from '../../test/mock-gateway/scenarios/queue';

export const QUEUE_WORKFLOW_ID = 'routedChatQueue01';
export const WEBHOOK_PATH = 'routed-chat-queue';
export const SPLIT_NODE = 'One item per prompt';
export const ROUTED_CHAT_NODE = 'Routed Chat';

/** What one webhook call posts: one execution's items. */
export interface Batch {
	batch: number;
	prompts: Array<{ id: string; prompt: string }>;
}

export function batch(index: number, items: number): Batch {
	return {
		batch: index,
		prompts: Array.from({ length: items }, (_, item) => {
			const id = `b${index}-i${item}`;
			return { id, prompt: `Item ${id}: name one prime number.` };
		}),
	};
}

/**
 * Webhook (answers at once; the execution is queued for a worker) → one item
 * per prompt → Routed Chat pinned to the flaky model, the slow one as client
 * fallback, with the cost summary. Published before the main starts, so it
 * registers the webhook.
 */
export function queueWorkflow(): Record<string, unknown> {
	return {
		id: QUEUE_WORKFLOW_ID,
		name: 'Routed Chat in queue mode',
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'c0000000-0000-4000-8000-000000000001',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2.1,
				position: [0, 0],
				webhookId: 'c0000000-0000-4000-8000-0000000000aa',
				parameters: {
					httpMethod: 'POST',
					path: WEBHOOK_PATH,
					responseMode: 'onReceived',
					options: {},
				},
			},
			{
				id: 'c0000000-0000-4000-8000-000000000002',
				name: SPLIT_NODE,
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [200, 0],
				parameters: { fieldToSplitOut: 'body.prompts', options: {} },
			},
			{
				id: 'c0000000-0000-4000-8000-000000000003',
				name: ROUTED_CHAT_NODE,
				type: ROUTED_CHAT_TYPE,
				typeVersion: 1,
				position: [400, 0],
				parameters: {
					prompt: '={{ $json.prompt }}',
					routing: 'pinned',
					model: { __rl: true, mode: 'id', value: QUEUE_PRIMARY_MODEL },
					fallbackModels: QUEUE_FALLBACK_MODEL,
					fallbackMode: 'client',
					options: { costSummary: true },
				},
				credentials: { routedChatOpenRouterApi: DEMO_CREDENTIAL },
			},
		],
		connections: {
			Webhook: { main: [[{ node: SPLIT_NODE, type: 'main', index: 0 }]] },
			[SPLIT_NODE]: { main: [[{ node: ROUTED_CHAT_NODE, type: 'main', index: 0 }]] },
		},
	};
}
