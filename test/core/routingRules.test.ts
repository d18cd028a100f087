import { chooseRoute, type RoutingRule } from '../../nodes/RoutedChat/core/routingRules';

const facts = (prompt: string, item: Record<string, unknown> = {}) => ({
	prompt,
	promptTokens: Math.ceil(prompt.length / 4),
	item,
});
const cheap = { tier: 'cheap' as const };

describe('chooseRoute', () => {
	const rules: RoutingRule[] = [
		{
			condition: { type: 'fieldEquals', field: 'customer.plan', value: 'enterprise' },
			target: { model: 'anthropic/claude-opus-4' },
		},
		{ condition: { type: 'promptTokensAbove', tokens: 100 }, target: { tier: 'strong' } },
		{
			condition: { type: 'promptMatches', pattern: /\b(prove|derive)\b/i },
			target: { tier: 'strong' },
		},
		{
			condition: { type: 'promptContains', keywords: ['refund', 'Legal'] },
			target: { model: 'openai/gpt-5' },
		},
		{ condition: { type: 'promptTokensBelow', tokens: 3 }, target: { tier: 'cheap' } },
	];

	it.each([
		[
			'a field of the item',
			facts('hello there', { customer: { plan: 'enterprise' } }),
			'rule 1: customer.plan is "enterprise"',
			{ model: 'anthropic/claude-opus-4' },
		],
		[
			'the prompt length',
			facts('x'.repeat(401)),
			'rule 2: prompt over 100 tokens',
			{ tier: 'strong' },
		],
		[
			'a regex',
			facts('Please derive the formula'),
			'rule 3: prompt matches /\\b(prove|derive)\\b/i',
			{ tier: 'strong' },
		],
		[
			'a keyword, case-insensitively',
			facts('I want a LEGAL opinion'),
			'rule 4: prompt mentions refund / Legal',
			{ model: 'openai/gpt-5' },
		],
		['a short prompt', facts('hi'), 'rule 5: prompt under 3 tokens', { tier: 'cheap' }],
		['nothing: the default', facts('a plain everyday request'), 'default', cheap],
	])('routes on %s', (_, itemFacts, route, target) => {
		expect(chooseRoute(rules, itemFacts, cheap)).toEqual({ route, target });
	});

	it('lets the first matching rule win', () => {
		const choice = chooseRoute(
			rules,
			facts(`derive ${'x'.repeat(500)}`, { customer: { plan: 'enterprise' } }),
			cheap,
		);
		expect(choice.route).toMatch(/^rule 1:/);
	});

	it.each([
		['a number', { n: 42 }, 'n', '42'],
		['a boolean', { vip: true }, 'vip', 'true'],
		['null', { plan: null }, 'plan', ''],
		['an array entry, by index', { items: [{ name: 'bob' }] }, 'items.0.name', 'bob'],
		['a missing field named like an inherited property', {}, 'constructor', ''],
		['a missing nested field named like an inherited property', { a: {} }, 'a.toString', ''],
	])('compares %s as text in Field Equals', (_, item, field, value) => {
		const rule: RoutingRule = {
			condition: { type: 'fieldEquals', field, value },
			target: { tier: 'strong' },
		};
		expect(chooseRoute([rule], facts('hi', item), cheap).route).toBe(
			`rule 1: ${field} is "${value}"`,
		);
	});
});
