import { runWorkflow } from './harness';
import { chatWorkflow, credentialsFor, outputJson, pinned, ROUTED_CHAT } from './support';
import { chatRequests, mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';

const MODEL = 'openai/gpt-4o-mini';

/**
 * OpenAI refuses (400) a strict schema unless every object in it sets `additionalProperties: false`
 * and requires all of its properties; the node checks every answer against the schema anyway.
 */
describe('Response Format JSON Schema: strict mode is asked only of a schema that meets it', () => {
	const fixture = mockGatewayFixture([pricedModel(MODEL, { reply: '{"name":"Ada","tags":[]}' })]);

	const sentStrict = async (schema: object): Promise<unknown> => {
		const run = await runWorkflow(
			chatWorkflow(
				pinned(MODEL, {
					options: { responseFormat: 'json_schema', jsonSchema: JSON.stringify(schema) },
				}),
			),
			{ credentials: credentialsFor(fixture.gateway), inputItems: [{ text: 'Who?' }] },
		);
		expect(outputJson(run, ROUTED_CHAT)[0]).toEqual(
			expect.objectContaining({ json: { name: 'Ada', tags: [] } }),
		);
		const [request] = chatRequests(fixture.gateway);
		return (request.body as { response_format: { json_schema: { strict: unknown } } })
			.response_format.json_schema.strict;
	};

	/** A closed object whose `tags` are an array of `items`. */
	const tagged = (items: object) => ({
		type: 'object',
		properties: { name: { type: 'string' }, tags: { type: 'array', items } },
		required: ['name', 'tags'],
		additionalProperties: false,
	});

	it.each([
		[
			'strict for a schema whose every object is closed and requires all its properties',
			tagged({
				type: 'object',
				properties: { label: { type: 'string' } },
				required: ['label'],
				additionalProperties: false,
			}),
			true,
		],
		['not strict when a nested object is open', tagged({ type: 'object', properties: {} }), false],
	])('%s', async (_, schema, strict) => {
		expect(await sentStrict(schema)).toBe(strict);
	});

	it.each([
		['an optional property', { required: ['name'], additionalProperties: false }],
		['no additionalProperties: false', { required: ['name', 'tags'] }],
	])('not strict with %s', async (_, rest) => {
		expect(
			await sentStrict({
				type: 'object',
				properties: { name: { type: 'string' }, tags: { type: 'array' } },
				...rest,
			}),
		).toBe(false);
	});
});
