import { runWorkflow } from './harness';
import { textItems } from './inputItems';
import {
	chatWorkflow,
	credentialsFor,
	outputJson,
	pinned,
	ROUTED_CHAT,
	routedChatNode,
} from './support';
import { mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';

const CHEAP = 'cheap/small';
const STRONG = 'strong/large';
const DOWN = 'down/model';

/** The USD an item's usage costs at the mock's prices, worked out here rather than read from the node. */
function handCost(item: Record<string, unknown>, prompt: number, completion: number): number {
	const usage = item.usage as { promptTokens: number; completionTokens: number };
	return usage.promptTokens * prompt + usage.completionTokens * completion;
}

describe('execution custom data', () => {
	const fixture = mockGatewayFixture([
		pricedModel(CHEAP, { pricing: { prompt: '0.0000001', completion: '0.0000004' } }),
		pricedModel(STRONG, { pricing: { prompt: '0.000003', completion: '0.000015' } }),
		pricedModel(DOWN, { down: { status: 503 } }),
	]);
	const credentials = () => credentialsFor(fixture.gateway);

	it('holds the total cost, the paid calls and the models that served', async () => {
		const run = await runWorkflow(
			chatWorkflow(pinned(DOWN, { fallbackModels: CHEAP, options: { retries: 0 } })),
			{ credentials: credentials(), inputItems: textItems('one', 'two', 'three') },
		);

		expect(run.status).toBe('success');
		const items = outputJson(run, ROUTED_CHAT);
		const total = items.reduce((sum, item) => sum + handCost(item, 1e-7, 4e-7), 0);
		expect(Number(run.customData.routedChatCostUsd)).toBeCloseTo(total, 9);
		expect(run.customData.routedChatCalls).toBe('3');
		expect(run.customData.routedChatModels).toBe(CHEAP);
	});

	it('adds up every Routed Chat node of the execution', async () => {
		const second = {
			...routedChatNode(pinned(STRONG, { prompt: '={{ $json.content }}' })),
			id: 'second',
			name: 'Second Chat',
		};
		const run = await runWorkflow(chatWorkflow(pinned(CHEAP), { after: [second] }), {
			credentials: credentials(),
			inputItems: textItems('hello', 'again'),
		});

		expect(run.status).toBe('success');
		const total =
			outputJson(run, ROUTED_CHAT).reduce((sum, item) => sum + handCost(item, 1e-7, 4e-7), 0) +
			outputJson(run, 'Second Chat').reduce((sum, item) => sum + handCost(item, 3e-6, 15e-6), 0);
		expect(Number(run.customData.routedChatCostUsd)).toBeCloseTo(total, 9);
		expect(run.customData.routedChatCalls).toBe('4');
		expect(run.customData.routedChatModels).toBe(`${CHEAP},${STRONG}`);
	});

	it('is written when the node fails too, with nothing spent on a refused call', async () => {
		const run = await runWorkflow(chatWorkflow(pinned(DOWN, { options: { retries: 0 } })), {
			credentials: credentials(),
			inputItems: textItems('one'),
		});

		expect(run.status).toBe('error');
		expect(run.customData).toEqual({
			routedChatCostUsd: '0',
			routedChatCalls: '0',
			routedChatModels: '',
		});
	});
});
