import { runWorkflow } from './harness';
import { chatWorkflow, credentialsFor, outputJson, ROUTED_CHAT, ruleRouted } from './support';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';

const CHEAP = 'cheap/small';
const STRONG = 'strong/large';

describe('Rules in workflow JSON', () => {
	const fixture = mockGatewayFixture([pricedModel(CHEAP), pricedModel(STRONG)]);

	const routes = async (rules: INodeParameters['rules'], inputItems: IDataObject[]) => {
		const run = await runWorkflow(
			chatWorkflow(ruleRouted(rules, { cheap: CHEAP, strong: STRONG })),
			{ credentials: credentialsFor(fixture.gateway), inputItems },
		);
		expect(run.error).toBeUndefined();
		return outputJson(run, ROUTED_CHAT).map((item) => item.route);
	};

	it('names each condition in `route` as the README shows it', async () => {
		const rules = {
			rule: [
				{ condition: 'promptTokensBelow', tokens: 5, target: 'cheap' },
				{ condition: 'promptTokensAbove', tokens: 50, target: 'strong' },
				{ condition: 'promptMatches', pattern: 'order #\\d+', target: 'strong' },
				{ condition: 'fieldEquals', field: 'customer.plan', value: 'enterprise' },
			],
		};
		expect(
			await routes(rules, [
				{ text: 'hi' },
				{ text: 'x'.repeat(400) },
				{ text: 'Where is ORDER #123, please?' },
				{ text: 'Where is my parcel, please?', customer: { plan: 'enterprise' } },
			]),
		).toEqual([
			'rule 1: prompt under 5 tokens',
			'rule 2: prompt over 50 tokens',
			'rule 3: prompt matches /order #\\d+/i',
			'rule 4: customer.plan is "enterprise"',
		]);
	});

	it('takes Keywords as a list when an expression gives one', async () => {
		const rules = {
			rule: [{ condition: 'promptContains', keywords: '={{ $json.keywords }}', target: 'strong' }],
		};
		expect(
			await routes(rules, [
				{ text: 'I want my MONEY BACK', keywords: ['money back', 'legal'] },
				{ text: 'hello', keywords: ['money back', 'legal'] },
			]),
		).toEqual(['rule 1: prompt mentions money back / legal', 'default']);
	});
});
