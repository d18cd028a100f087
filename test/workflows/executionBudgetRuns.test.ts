import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { connect, runWorkflow, type WorkflowDefinition } from './harness';
import { builtIn, credentialsFor, pinned, ROUTED_CHAT, routedChatNode, runsOf } from './support';
import {
	chargedUsd,
	chatRequests,
	mockGatewayFixture,
	pricedModel,
} from '../mock-gateway/jestFixture';

// $1 / $2 per million tokens, 100 completion tokens an answer and a 3-token prompt ('question N'):
// every call costs 203,000 nano-dollars. The worst case a cap holds for one (Max Tokens 100, the
// prompt, the 5% BYOK fee) is a little more, so two fit under $0.0005 at once and a third
// does not fit after them (406,000 spent).
const MODEL = 'vendor/no-cost-reported';
const CAP_USD = 0.0005;
const TWO_CALLS_USD = 0.000406;

const capped = (options: IDataObject = {}): INodeParameters =>
	pinned(MODEL, { options: { maxCostPerExecutionUsd: CAP_USD, maxTokens: 100, ...options } });

const sideIsA: INodeParameters = {
	conditions: {
		options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
		combinator: 'and',
		conditions: [
			{
				id: 'side',
				leftValue: '={{ $json.side }}',
				rightValue: 'a',
				operator: { type: 'string', operation: 'equals' },
			},
		],
	},
	options: {},
};

/** Start → If → both outputs into Routed Chat: n8n runs Routed Chat once per output. */
function bothBranches(parameters: INodeParameters, onError?: INode['onError']): WorkflowDefinition {
	return {
		nodes: [
			builtIn('Start', 'manualTrigger', 1),
			builtIn('Side A', 'if', 2.2, sideIsA),
			routedChatNode(parameters, onError),
		],
		connections: connect(
			['Start', 0, 'Side A'],
			['Side A', 0, ROUTED_CHAT],
			['Side A', 1, ROUTED_CHAT],
		),
	};
}

/** Two items down each branch of the If. */
const inputItems = [
	{ text: 'question 0', side: 'a' },
	{ text: 'question 1', side: 'a' },
	{ text: 'question 2', side: 'b' },
	{ text: 'question 3', side: 'b' },
];

describe('Max Cost per Execution covers every run of the node in one execution', () => {
	const fixture = mockGatewayFixture([
		pricedModel(MODEL, { reportCost: false, completionTokens: 100 }),
	]);
	const credentials = () => credentialsFor(fixture.gateway);

	it('If → both outputs into Routed Chat: the second run starts from what the first spent', async () => {
		const run = await runWorkflow(
			bothBranches(capped({ costSummary: true }), 'continueRegularOutput'),
			{ credentials: credentials(), inputItems },
		);

		expect(run.status).toBe('success');
		const runs = runsOf(run, ROUTED_CHAT);
		expect(runs).toHaveLength(2);
		const [[firstA, firstB, firstSummary], [secondA, secondB, secondSummary]] = runs;
		expect([firstA.model, firstB.model]).toEqual([MODEL, MODEL]);
		for (const refused of [secondA, secondB])
			expect(refused).toEqual(
				expect.objectContaining({
					reason: 'budget_reached',
					error: expect.stringContaining(
						`Budget reached: this execution has spent $${TWO_CALLS_USD.toFixed(6)} of its $${CAP_USD} limit`,
					),
				}),
			);
		expect(chatRequests(fixture.gateway)).toHaveLength(2);
		expect(await chargedUsd(fixture.gateway)).toBe(TWO_CALLS_USD);
		// The Cost Summary Item still totals its own run.
		expect(firstSummary.summary).toEqual(
			expect.objectContaining({ served: 2, failed: 0, totalCostUsd: TWO_CALLS_USD }),
		);
		expect(secondSummary.summary).toEqual(
			expect.objectContaining({ served: 0, failed: 2, totalCostUsd: 0 }),
		);
	});

	it('without Continue On Fail, the run the cap refuses fails the execution with "Budget reached"', async () => {
		const run = await runWorkflow(bothBranches(capped()), {
			credentials: credentials(),
			inputItems,
		});

		expect(run.status).toBe('error');
		expect(runsOf(run, ROUTED_CHAT)[0].map((item) => item.model)).toEqual([MODEL, MODEL]);
		expect(run.error).toEqual(
			expect.objectContaining({
				node: ROUTED_CHAT,
				message: expect.stringMatching(/^Item 0: Budget reached: this execution has spent/),
			}),
		);
		expect(await chargedUsd(fixture.gateway)).toBe(TWO_CALLS_USD);
	});

	it('a run without a cap still counts: a later capped run starts from what it spent', async () => {
		// The cap comes from an expression that is empty in the node's first run.
		const capInSecondRun = `={{ $runIndex === 1 ? ${CAP_USD} : '' }}`;
		const run = await runWorkflow(
			bothBranches(capped({ maxCostPerExecutionUsd: capInSecondRun }), 'continueRegularOutput'),
			{ credentials: credentials(), inputItems },
		);
		expect(
			runsOf(run, ROUTED_CHAT).map((items) => items.map((item) => item.model ?? item.reason)),
		).toEqual([
			[MODEL, MODEL],
			['budget_reached', 'budget_reached'],
		]);
		expect(await chargedUsd(fixture.gateway)).toBe(TWO_CALLS_USD);
	});

	it('a node fed by two parents holds the cap over both of its runs', async () => {
		const workflow: WorkflowDefinition = {
			nodes: [
				builtIn('Start', 'manualTrigger', 1),
				builtIn('Left', 'noOp', 1),
				builtIn('Right', 'noOp', 1),
				routedChatNode(capped(), 'continueRegularOutput'),
			],
			connections: connect(
				['Start', 0, 'Left'],
				['Start', 0, 'Right'],
				['Left', 0, ROUTED_CHAT],
				['Right', 0, ROUTED_CHAT],
			),
		};
		const run = await runWorkflow(workflow, {
			credentials: credentials(),
			inputItems: inputItems.slice(0, 2),
		});

		const runs = runsOf(run, ROUTED_CHAT);
		expect(runs.map((items) => items.map((item) => item.model ?? item.reason))).toEqual([
			[MODEL, MODEL],
			['budget_reached', 'budget_reached'],
		]);
		expect(await chargedUsd(fixture.gateway)).toBe(TWO_CALLS_USD);
	});

	it('another execution, and another Routed Chat node, start from zero', async () => {
		for (let execution = 0; execution < 2; execution++) {
			const run = await runWorkflow(
				{
					nodes: [
						builtIn('Start', 'manualTrigger', 1),
						routedChatNode(capped()),
						{
							...routedChatNode({ ...capped(), prompt: "={{ $('Start').item.json.text }}" }),
							id: 'second',
							name: 'Second Routed Chat',
						},
					],
					connections: connect(['Start', 0, ROUTED_CHAT], [ROUTED_CHAT, 0, 'Second Routed Chat']),
				},
				{ credentials: credentials(), inputItems: inputItems.slice(0, 2) },
			);
			expect(run.status).toBe('success');
			expect(runsOf(run, ROUTED_CHAT)[0].map((item) => item.model)).toEqual([MODEL, MODEL]);
			expect(runsOf(run, 'Second Routed Chat')[0].map((item) => item.model)).toEqual([
				MODEL,
				MODEL,
			]);
		}
		expect(await chargedUsd(fixture.gateway)).toBeCloseTo(4 * TWO_CALLS_USD, 9);
	});
});
