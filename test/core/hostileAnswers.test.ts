import { type RouteError, routeItem, type ItemPlan } from '../../nodes/RoutedChat/core';
import { compileJsonSchema } from '../../nodes/RoutedChat/plan/compileJsonSchema';
import { fakeClock, gatewayFixture, plan, noRetries } from './support';
import { pricedModel } from '../mock-gateway/jestFixture';

const MODEL = 'hostile/model';
const STRONG = 'strong/model';
const MB = 1_000_000;

/** Answers of about 1 MB shaped to make a backtracking fence regex run for hours. */
const HOSTILE_ANSWERS: Array<[string, string]> = [
	['an unclosed fence and blank lines', '```json' + '\n'.repeat(MB)],
	['an unclosed fence, JSON, then spaces', '```json\n{"a": 1}' + ' '.repeat(MB)],
	['nothing but backticks', '`'.repeat(MB)],
	['fences nested in fences', '```json\n'.repeat(MB / 8) + '{}'],
	['a fence opened after a megabyte of blanks', ' \n\t'.repeat(MB / 3) + '```json\n{'],
];

/** One model, no retries, its answer checked against `schema`. */
function schemaChain(schema: Record<string, unknown>): ItemPlan {
	const responseFormat = {
		type: 'json_schema' as const,
		name: 'answer',
		schema,
		strict: true,
		validate: compileJsonSchema(schema),
	};
	return {
		kind: 'chain',
		route: 'pinned',
		plan: plan([MODEL], { policy: noRetries, completion: { responseFormat } }),
	};
}

describe('hostile answers', () => {
	const fixture = gatewayFixture([pricedModel(MODEL), pricedModel(STRONG)]);
	const context = () => ({ client: fixture.client, clock: fakeClock() });
	const jsonChain = (): ItemPlan => ({
		kind: 'chain',
		route: 'pinned',
		plan: plan([MODEL], { completion: { responseFormat: { type: 'json_object' } } }),
	});

	it.each(HOSTILE_ANSWERS)('%s: a JSON answer is refused as not JSON', async (_, reply) => {
		fixture.gateway.setModel(pricedModel(MODEL, { reply }));
		const error = (await routeItem(jsonChain(), context()).catch((e: unknown) => e)) as RouteError;
		expect(error.attempts).toEqual([
			expect.objectContaining({
				kind: 'invalid_output',
				error: expect.stringContaining('The answer is not valid JSON'),
			}),
		]);
	});

	it.each([
		[
			'a megabyte of spaces before the closing fence',
			'```json\n{"ok": true}' + ' '.repeat(MB) + '```',
		],
		[
			'blanks around a fence tagged in capitals',
			' \n'.repeat(MB / 2) + '```JSON\n{"ok": true}\n```\n',
		],
	])('%s: the fenced JSON is served', async (_, reply) => {
		fixture.gateway.setModel(pricedModel(MODEL, { reply }));
		const result = await routeItem(jsonChain(), context());
		expect(result.json).toEqual({ ok: true });
	});

	it('a megabyte of JSON breaking the schema in every element is refused, naming the first break', async () => {
		fixture.gateway.setModel(pricedModel(MODEL, { reply: `[${'1,'.repeat(MB / 2)}1]` }));
		const schema = { type: 'array', items: { type: 'string' } };
		const error = (await routeItem(schemaChain(schema), context()).catch(
			(e: unknown) => e,
		)) as RouteError;
		expect(error.attempts[0].error).toBe(
			'The answer does not match the JSON schema: #/0: Instance type "number" is invalid. Expected "string".',
		);
	});

	it.each(HOSTILE_ANSWERS)(
		'%s: a cascade reads no confidence in it and escalates',
		async (_, reply) => {
			fixture.gateway.setModel(pricedModel(MODEL, { reply }));
			const result = await routeItem(
				{
					kind: 'cascade',
					route: 'cascade',
					plan: {
						cheap: plan([MODEL], { tier: 'cheap', policy: noRetries }),
						strong: plan([STRONG], { tier: 'strong', policy: noRetries }),
						checks: { confidence: { field: 'confidence', min: 0.5 } },
						repair: false,
					},
				},
				context(),
			);
			expect(result.model).toBe(STRONG);
			expect(result.escalationReason).toContain('no numeric "confidence" confidence field');
		},
	);
});

/** A schema's own `pattern` and `patternProperties` run on the answer's strings and keys, whole. */
describe("a schema's patterns on a hostile answer", () => {
	const fixture = gatewayFixture([pricedModel(MODEL)]);
	const LONG = 100_000;
	const checked = async (schema: Record<string, unknown>, answer: unknown) => {
		fixture.gateway.setModel(pricedModel(MODEL, { reply: JSON.stringify(answer) }));
		return await routeItem(schemaChain(schema), {
			client: fixture.client,
			clock: fakeClock(),
		}).catch((error: RouteError) => error.attempts[0].error);
	};
	// RegExp takes longer than anyone waits on each of these.
	const nested = '^(a+)+$';

	it('a string that makes `pattern` backtrack is refused as not matching', async () => {
		const schema = { type: 'object', properties: { code: { type: 'string', pattern: nested } } };
		expect(await checked(schema, { code: `${'a'.repeat(LONG)}!` })).toBe(
			'The answer does not match the JSON schema: #/code: String does not match pattern.',
		);
		expect(await checked(schema, { code: 'a'.repeat(LONG) })).toMatchObject({
			json: { code: 'a'.repeat(LONG) },
		});
	});

	it('a `pattern` beside a `format` checks both', async () => {
		const schema = { type: 'string', format: 'email', pattern: '@example\\.com$' };
		expect(await checked(schema, 'ann@example.com')).toMatchObject({ json: 'ann@example.com' });
		expect(await checked(schema, 'ann@example.org')).toContain('String does not match pattern.');
		expect(await checked(schema, 'example.com')).toContain('does not match format "email"');
	});

	it('a key that makes `patternProperties` backtrack is one the pattern does not match', async () => {
		const schema = {
			type: 'object',
			patternProperties: { [nested]: { type: 'number' } },
			additionalProperties: { type: 'string' },
		};
		const key = 'a'.repeat(LONG);
		expect(await checked(schema, { [`${key}!`]: 'text' })).toMatchObject({
			json: { [`${key}!`]: 'text' },
		});
		expect(await checked(schema, { [key]: 'text' })).toContain(
			`#/${key}: Instance type "string" is invalid. Expected "number".`,
		);
	});

	it('two patterns matching the same keys keep their own schemas', async () => {
		const schema = {
			type: 'object',
			patternProperties: { '^n': { type: 'number' }, m$: { minimum: 5 } },
			additionalProperties: false,
		};
		expect(await checked(schema, { num: 7 })).toMatchObject({ json: { num: 7 } });
		expect(await checked(schema, { num: 3 })).toContain('#/num: 3 is less than 5.');
		expect(await checked(schema, { other: 3 })).toContain('#/other');
	});
});
