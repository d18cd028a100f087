import { runWorkflow } from './harness';
import { chatWorkflow, credentialsFor, outputJson, pinned, ROUTED_CHAT } from './support';
import { chatRequests, mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';

const CHEAP = 'cheap/small';
const STRONG = 'strong/large';

/** Parameters the plan refuses: the run fails naming the field, and no request reaches the gateway. */
describe('bad parameters fail before any request', () => {
	const fixture = mockGatewayFixture([pricedModel(CHEAP), pricedModel(STRONG)]);
	const credentials = () => credentialsFor(fixture.gateway);
	const tiers = { cheapModels: CHEAP, strongModels: STRONG };
	const items = [{ text: 'first' }, { text: 'second' }, { text: 'third' }];

	async function refused(parameters: Record<string, unknown>, message: string) {
		const run = await runWorkflow(chatWorkflow({ prompt: '={{ $json.text }}', ...parameters }), {
			credentials: credentials(),
			inputItems: items,
		});
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain(message);
		expect(chatRequests(fixture.gateway)).toHaveLength(0);
	}

	describe('a regex that does not compile', () => {
		it('in a rule, naming the rule', () =>
			refused(
				{
					routing: 'rules',
					rules: { rule: [{ condition: 'promptMatches', pattern: '(unclosed', target: 'strong' }] },
					...tiers,
				},
				'rules[1].pattern: "(unclosed" is not a valid regex',
			));

		it.each(['mustMatch', 'mustNotMatch'])('in the cascade checks (%s)', (field) =>
			refused(
				{ routing: 'cascade', cascadeChecks: { [field]: '[a-' }, ...tiers },
				`cascadeChecks.${field}: "[a-" is not a valid regex`,
			),
		);
	});

	it.each([
		[{ routing: 'Rules', ...tiers }, 'routing: Routing is "Rules"'],
		[
			{ routing: 'pinned', model: { __rl: true, mode: 'id', value: CHEAP }, fallbackMode: 'fast' },
			'fallbackMode: Fallback Mode is "fast"',
		],
		[
			{ routing: 'pinned', model: { __rl: true, mode: 'id', value: CHEAP }, inputMode: 'chat' },
			'inputMode: Input is "chat"',
		],
	])('a choice that is none of its values: %j', (parameters, message) =>
		refused(parameters, message),
	);

	describe('a rule or check of the wrong type, as an expression can give', () => {
		const rule = (fields: Record<string, unknown>) => ({
			routing: 'rules',
			rules: { rule: [{ target: 'strong', ...fields }] },
			...tiers,
		});

		it.each([
			[{ condition: 'fieldEquals', field: 5 }, 'rules[1].field: Name the item field to compare'],
			[
				{ condition: 'promptContains', keywords: 5 },
				'rules[1].keywords: List at least one keyword',
			],
			[
				{ condition: 'promptTokensAbove', tokens: '' },
				'rules[1].tokens: Prompt Tokens must be a number',
			],
			[
				{ condition: 'promptTokensAbove', tokens: true },
				'rules[1].tokens: Prompt Tokens must be a number',
			],
			[{ condition: 'promptMatches', pattern: 5 }, 'rules[1].pattern: The regex must be text'],
		])('a rule with %j', (fields, message) => refused(rule(fields), message));

		it.each([
			[{ repair: 'false' }, 'cascadeChecks.repair: Repair Before Escalating must be true or false'],
			[{ notTruncated: 'no' }, 'cascadeChecks.notTruncated: Not Cut Off must be true or false'],
			[
				{ minLength: '' },
				'cascadeChecks.minLength: Min Length must be a whole number of 0 or more',
			],
			[{ confidenceField: 5 }, 'cascadeChecks.confidenceField: Confidence Field must be text'],
		])('cascade checks with %j', (checks, message) =>
			refused({ routing: 'cascade', cascadeChecks: checks, ...tiers }, message),
		);
	});

	describe('a regex that only backtracking could match', () => {
		it('in a rule, naming the rule', () =>
			refused(
				{
					routing: 'rules',
					rules: {
						rule: [{ condition: 'promptMatches', pattern: '(\\w+) \\1', target: 'strong' }],
					},
					...tiers,
				},
				'rules[1].pattern: "(\\w+) \\1": Backreferences (\\1, \\k<name>) need backtracking',
			));

		it('in the cascade checks', () =>
			refused(
				{ routing: 'cascade', cascadeChecks: { mustNotMatch: '(?<!not )sure' }, ...tiers },
				'cascadeChecks.mustNotMatch: "(?<!not )sure": Lookahead and lookbehind',
			));
	});

	describe('a JSON Schema the validator cannot use', () => {
		const schemaRun = (schema: object) => ({
			routing: 'pinned',
			model: { __rl: true, mode: 'id', value: CHEAP },
			options: { responseFormat: 'json_schema', jsonSchema: JSON.stringify(schema) },
		});
		const named = (where: string) => `options.jsonSchema: The JSON Schema cannot be used: ${where}`;

		it.each([
			[
				'an unresolved $ref',
				{ type: 'object', properties: { a: { $ref: '#/$defs/missing' } } },
				named('#/properties/a/$ref: "#/$defs/missing" does not resolve'),
			],
			[
				'a duplicate $id',
				{ properties: { a: { $id: 'https://x.test/s' }, b: { $id: 'https://x.test/s' } } },
				named('Duplicate schema URI "https://x.test/s"'),
			],
			[
				'an invalid type',
				{ type: 'object', properties: { age: { type: 'numbr' } } },
				named('#/properties/age/type: "numbr" is not a JSON Schema type'),
			],
			[
				'a pattern that does not compile',
				{ properties: { code: { type: 'string', pattern: '(' } } },
				named('#/properties/code/pattern: "(" is not a valid regex'),
			],
			[
				'a pattern only backtracking could match',
				{ properties: { code: { type: 'string', pattern: '^(a)\\1$' } } },
				named(
					'#/properties/code/pattern: "^(a)\\\\1$": Backreferences (\\1, \\k<name>) need backtracking',
				),
			],
			[
				'a format whose check can hang',
				{ properties: { link: { type: 'string', format: 'url' } } },
				named('#/properties/link/format: "url" is not a JSON Schema format'),
			],
			[
				'dependentRequired that is not lists of names',
				{ dependentRequired: { a: 5 } },
				named('#/dependentRequired/a: must be a list of property names'),
			],
			[
				'dependencies that are neither lists of names nor schemas',
				{ properties: { p: { dependencies: { a: null } } } },
				named('#/properties/p/dependencies/a: must be a list of property names or a schema'),
			],
		])('%s', (_, schema, message) => refused(schemaRun(schema), message));

		it('a schema using $defs, $ref, $anchor, anyOf and patternProperties is accepted', async () => {
			fixture.gateway.setModel(pricedModel(CHEAP, { reply: '{"count": 2, "x-note": "ok"}' }));
			const schema = {
				$defs: {
					count: { type: 'integer', minimum: 0 },
					note: { $anchor: 'note', type: 'string' },
				},
				type: 'object',
				properties: { count: { $ref: '#/$defs/count' } },
				patternProperties: { '^x-': { anyOf: [{ $ref: '#note' }, { type: 'null' }] } },
				required: ['count'],
			};
			const run = await runWorkflow(chatWorkflow({ prompt: 'count', ...schemaRun(schema) }), {
				credentials: credentials(),
				inputItems: [{}],
			});
			expect(outputJson(run, ROUTED_CHAT)[0].json).toEqual({ count: 2, 'x-note': 'ok' });
		});
	});
});

/** Input that only a later item gets wrong: every item's plan is read before the first request. */
describe('bad input on a later item', () => {
	const fixture = mockGatewayFixture([pricedModel(CHEAP, { inputModalities: ['text', 'image'] })]);
	const PNG = { mimeType: 'image/png', data: Buffer.from('png').toString('base64') };
	const cases = [
		{
			name: 'a model expression that gives nothing',
			parameters: pinned('={{ $json.model }}'),
			inputItems: [{ model: CHEAP }, { model: CHEAP }, { model: '' }],
			message: 'Item 2: model:',
		},
		{
			name: 'an attachment the item does not have',
			parameters: pinned(CHEAP, { attachments: 'photo' }),
			inputItems: [{}, {}, {}],
			inputBinary: [{ photo: PNG }, { photo: PNG }],
			message: 'Item 2: attachments: The item has no binary property "photo"',
		},
	];

	it.each(cases)('fails the run naming the item before any request: $name', async (input) => {
		const run = await runWorkflow(
			chatWorkflow({ ...input.parameters, prompt: 'hello', options: { concurrency: 1 } }),
			{ credentials: credentialsFor(fixture.gateway), ...input },
		);
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain(input.message);
		expect(chatRequests(fixture.gateway)).toHaveLength(0);
	});

	it.each(cases)(
		'under Continue On Fail, fails that item and serves the others: $name',
		async (input) => {
			const run = await runWorkflow(
				chatWorkflow(
					{ ...input.parameters, prompt: 'hello', options: { concurrency: 3 } },
					{ onError: 'continueErrorOutput' },
				),
				{ credentials: credentialsFor(fixture.gateway), ...input },
			);
			expect(run.status).toBe('success');
			expect(outputJson(run, ROUTED_CHAT).map((item) => item.model)).toEqual([CHEAP, CHEAP]);
			expect(outputJson(run, ROUTED_CHAT, 1).map((item) => item.error)).toEqual([
				expect.stringContaining(input.message),
			]);
			expect(chatRequests(fixture.gateway)).toHaveLength(2);
		},
	);
});

describe('a rule left at its default condition', () => {
	const fixture = mockGatewayFixture([pricedModel(CHEAP), pricedModel(STRONG)]);

	// n8n fills in a stored rule's default condition, but an expression for it can give nothing.
	it.each([
		['left out', {}],
		['an expression that gives nothing', { condition: '={{ $json.noSuchField }}' }],
	])('is "prompt over N tokens", as the editor shows it, when %s', async (_, condition) => {
		const run = await runWorkflow(
			chatWorkflow({
				prompt: '={{ $json.text }}',
				routing: 'rules',
				rules: { rule: [{ ...condition, tokens: 5, target: 'strong' }] },
				cheapModels: CHEAP,
				strongModels: STRONG,
			}),
			{
				credentials: credentialsFor(fixture.gateway),
				inputItems: [{ text: 'short' }, { text: 'a prompt well over five tokens long' }],
			},
		);
		expect(outputJson(run, ROUTED_CHAT).map((item) => [item.route, item.model])).toEqual([
			['default', CHEAP],
			['rule 1: prompt over 5 tokens', STRONG],
		]);
	});
});
