/**
 * Routed Chat Model as n8n's AI Agent calls it (routedChatModelAgent.node.ts), in n8n-core's
 * engine: the agent's system prompt and rebuilt tool history, Force Tool Call on First Iteration,
 * and several tool calls in one answer, whole and streamed.
 */
import type { IDataObject } from 'n8n-workflow';

import { chatRequests, mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';
import type { ChatRequestBody } from '../mock-gateway/types';
import { runWorkflow } from './harness';
import {
	agentWorkflow,
	modelCalls,
	pinnedModel,
	severalToolCallsFirst,
	type WireToolCall,
} from './routedChatModelSupport';
import { credentialsFor, outputJson } from './support';

const SERVES = 'vendor-a/serves';
const TOOLS = 'vendor-d/tool-user';

const TWO_CALLS: WireToolCall[] = [
	{ id: 'call_first', name: 'calculator', arguments: '{"input":"17*23"}' },
	{ id: 'call_second', name: 'calculator', arguments: '{"input":"6*7"}' },
];

describe('Routed Chat Model under an AI Agent, in n8n-core', () => {
	const fixture = mockGatewayFixture([
		pricedModel(SERVES),
		pricedModel(TOOLS, { toolUse: { name: 'calculator', arguments: '{"input":"17*23"}' } }),
	]);

	it('Force Tool Call on First Iteration: the first call requires a tool and offers each tool once; the next call leaves it to the model', async () => {
		const run = await runWorkflow(agentWorkflow(pinnedModel(TOOLS)), {
			credentials: credentialsFor(fixture.gateway),
			inputItems: [{ prompt: 'What is 17 times 23?', forceToolCall: true }],
		});

		expect(run.error).toBeUndefined();
		const [first, second] = chatRequests(fixture.gateway).map(
			(request) => request.body as ChatRequestBody,
		);
		expect(
			(first.tools as Array<{ function: { name: string } }>).map((t) => t.function.name),
		).toEqual(['calculator']);
		expect(first.tool_choice).toBe('required');
		expect(second.tool_choice).toBeUndefined();
		expect(outputJson(run, 'Model Caller')).toEqual([
			{
				toolCalls: [{ name: 'calculator', args: { input: '17*23' } }],
				answer: `${TOOLS} answered from the tool result: [{"response":"391"}]`,
			},
		]);
	});

	it.each([
		['whole', false],
		['streamed', true],
	])(
		'an answer (%s) that calls two tools gives the agent both calls, and both results go back under their ids',
		async (_how, stream) => {
			const run = await runWorkflow(agentWorkflow(pinnedModel(SERVES)), {
				credentials: credentialsFor(fixture.gateway),
				inputItems: [{ prompt: 'What are 17 times 23 and 6 times 7?', stream }],
				evalLlmMock: severalToolCallsFirst(TWO_CALLS),
			});

			expect(run.error).toBeUndefined();
			expect(outputJson(run, 'Model Caller')).toEqual([
				{
					toolCalls: [
						{ name: 'calculator', args: { input: '17*23' } },
						{ name: 'calculator', args: { input: '6*7' } },
					],
					answer: `${SERVES} answered from the tool result: [{"response":"42"}]`,
				},
			]);
			const [answerTurn] = chatRequests(fixture.gateway);
			expect((answerTurn.body as ChatRequestBody).messages).toEqual([
				{ role: 'system', content: 'You are a helpful assistant' },
				{ role: 'user', content: 'What are 17 times 23 and 6 times 7?' },
				{ role: 'assistant', content: null, tool_calls: [wireCall(TWO_CALLS[0])] },
				{ role: 'tool', tool_call_id: 'call_first', content: '[{"response":"391"}]' },
				{ role: 'assistant', content: null, tool_calls: [wireCall(TWO_CALLS[1])] },
				{ role: 'tool', tool_call_id: 'call_second', content: '[{"response":"42"}]' },
			]);
			const [toolTurn] = modelCalls(run).map((call) => call.routedChat as IDataObject);
			expect(toolTurn).toMatchObject({
				finishReason: 'tool_calls',
				toolCalls: ['calculator', 'calculator'],
			});
		},
	);
});

function wireCall({ id, name, arguments: args }: WireToolCall) {
	return { id, type: 'function', function: { name, arguments: args } };
}
