/**
 * Routed Chat as a tool of n8n's AI Agent (`usableAsTool`), in n8n-core's engine: the agent's call
 * through the engine (Agent V3) and through the tool n8n builds for the node (Agent V1–V2), with
 * the Prompt read by `$fromAI`. test/workflows/toolCaller.node.ts plays the agent.
 */
import type { IConnections, IDataObject, INode } from 'n8n-workflow';

import {
	chargedUsd,
	chatRequests,
	mockGatewayFixture,
	pricedModel,
} from '../mock-gateway/jestFixture';
import type { ChatRequestBody } from '../mock-gateway/types';
import { runWorkflow } from './harness';
import { builtIn, credentialsFor, outputJson, pinned } from './support';

const SERVES = 'vendor-a/serves';
const DOWN = 'vendor-b/down';
const TOOL = 'Ask Routed Chat';
const CALLER = 'Tool Caller';
const question = 'What is the capital of France?';

function toolWorkflow(model: string): { nodes: INode[]; connections: IConnections } {
	return {
		nodes: [
			builtIn('Start', 'manualTrigger', 1),
			{
				id: 'caller',
				name: CALLER,
				type: 'test.toolCaller',
				typeVersion: 1,
				position: [200, 0],
				parameters: {},
			},
			{
				id: 'tool',
				name: TOOL,
				type: 'n8n-nodes-routed-chat.routedChatTool',
				typeVersion: 1,
				position: [200, 200],
				parameters: {
					// No retries: a model that is down fails at once, without a real backoff wait.
					...pinned(model, { options: { retries: 0 } }),
					prompt: "={{ $fromAI('question', 'The question to ask', 'string') }}",
					toolDescription: 'Asks another model a question',
				},
			},
		],
		connections: {
			Start: { main: [[{ node: CALLER, type: 'main', index: 0 }]] },
			[TOOL]: { ai_tool: [[{ node: CALLER, type: 'ai_tool', index: 0 }]] },
		},
	};
}

describe('Routed Chat as an AI Agent tool, in n8n-core', () => {
	const fixture = mockGatewayFixture([
		pricedModel(SERVES),
		pricedModel(DOWN, { faults: Array(10).fill({ status: 503 }) }),
	]);
	const run = (via: 'engine' | 'invoke', model = SERVES) =>
		runWorkflow(toolWorkflow(model), {
			credentials: credentialsFor(fixture.gateway),
			inputItems: [{ via, args: { question } }],
		});

	it.each(['engine', 'invoke'] as const)(
		'called through the %s, sends the question $fromAI reads and gives the agent the answer with its cost',
		async (via) => {
			const result = await run(via);

			expect(result.error).toBeUndefined();
			const [request] = chatRequests(fixture.gateway);
			expect((request.body as ChatRequestBody).messages).toEqual([
				{ role: 'user', content: question },
			]);
			const [{ result: answer }] = outputJson(result, CALLER);
			expect(answer).toEqual([
				expect.objectContaining({
					model: SERVES,
					content: `${SERVES} answered: ${question}`,
					cost: expect.objectContaining({ source: 'gateway' }),
				}),
			]);
			expect(Number(result.customData.routedChatCostUsd)).toBe(await chargedUsd(fixture.gateway));
			expect(result.customData.routedChatModels).toBe(SERVES);
		},
	);

	it('runs two calls of one turn (engine) as two runs of the tool, each with its question, their spend added up', async () => {
		const questions = ['What is 17 times 23?', 'What is 6 times 7?'];
		const result = await runWorkflow(toolWorkflow(SERVES), {
			credentials: credentialsFor(fixture.gateway),
			inputItems: questions.map((asked) => ({ via: 'engine', args: { question: asked } })),
		});

		expect(result.error).toBeUndefined();
		expect(
			outputJson(result, CALLER).map(({ result: answer }) => (answer as IDataObject[])[0].content),
		).toEqual(questions.map((asked) => `${SERVES} answered: ${asked}`));
		expect(result.runData[TOOL]).toHaveLength(2);
		expect(result.customData.routedChatCalls).toBe('2');
	});

	it('gives the agent the failure as the tool result when every model fails (engine)', async () => {
		const result = await run('engine', DOWN);

		expect(result.error).toBeUndefined();
		const [{ result: answer }] = outputJson(result, CALLER);
		expect((answer as IDataObject[])[0].error).toMatch(/^Item 0: Every model failed/);
	});

	it('fails the tool call with the item error when every model fails (invoke)', async () => {
		const result = await run('invoke', DOWN);

		expect(result.error?.message).toMatch(/Every model failed/);
	});
});
