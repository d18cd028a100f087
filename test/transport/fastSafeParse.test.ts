import { z } from 'zod';

import { fastSafeParse } from '../../nodes/RoutedChat/transport/fastSafeParse';
import {
	chunkSchema,
	completionSchema,
	errorBodySchema,
	generationSchema,
	modelEntrySchema,
} from '../../nodes/RoutedChat/transport/gatewaySchema';

/** What a field is replaced by in the variants: `undefined` leaves the field out. */
const PROBES: unknown[] = [undefined, null, 0, -1, 1.5, '', 'text', true, [], {}];

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value with one part (itself, an element, a field, at any depth) replaced by each probe, or an unknown field added. */
function* variants(value: unknown): Generator<unknown> {
	yield* PROBES;
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++)
			for (const variant of variants(value[i]))
				yield value.map((item, j) => (j === i ? variant : item));
	} else if (isRecord(value)) {
		yield { ...value, unknownField: 1 };
		for (const key of Object.keys(value)) {
			for (const variant of variants(value[key])) {
				const { [key]: _replaced, ...rest } = value;
				yield variant === undefined ? rest : { ...rest, [key]: variant };
			}
		}
	}
}

const SAMPLES: Array<[string, z.ZodTypeAny, unknown]> = [
	[
		'an answer',
		completionSchema,
		{
			id: 'gen-1',
			model: 'openai/gpt-4o-mini',
			provider: 'OpenAI',
			choices: [
				{
					finish_reason: 'tool_calls',
					message: {
						content: 'Hello',
						reasoning: 'Thought',
						tool_calls: [
							{ id: 'call-1', type: 'function', function: { name: 'lookup', arguments: '{}' } },
						],
					},
				},
			],
			usage: {
				prompt_tokens: 12,
				completion_tokens: 3,
				total_tokens: 15,
				cost: 0.00002,
				cost_details: { upstream_inference_cost: 0.00001 },
				prompt_tokens_details: { cached_tokens: 4, cache_write_tokens: 2 },
				completion_tokens_details: { reasoning_tokens: 1 },
			},
		},
	],
	[
		'a stream chunk',
		chunkSchema,
		{
			id: 'gen-1',
			model: 'openai/gpt-4o-mini',
			provider: 'OpenAI',
			error: { code: 'server_error', message: 'Provider returned error', metadata: { raw: 'x' } },
			choices: [
				{
					finish_reason: 'tool_calls',
					delta: {
						content: 'Hel',
						tool_calls: [{ index: 0, id: 'call-1', function: { name: 'lookup', arguments: '{' } }],
					},
				},
			],
			usage: { prompt_tokens: 12, completion_tokens: 3 },
		},
	],
	[
		'an error body',
		errorBodySchema,
		{ error: { code: 429, message: 'Rate limited', metadata: { provider_name: 'A', raw: {} } } },
	],
	[
		'generation stats',
		generationSchema,
		{
			data: {
				total_cost: 0.001,
				cache_discount: -0.0001,
				upstream_inference_cost: 0.0008,
				is_byok: true,
				native_tokens_prompt: 10,
				native_tokens_completion: 5,
				native_tokens_reasoning: 0,
				native_tokens_cached: 2,
			},
		},
	],
	[
		'a model list entry',
		modelEntrySchema,
		{
			id: 'openai/gpt-4o-mini',
			name: 'GPT-4o mini',
			context_length: 128000,
			pricing: { prompt: '0.00000015', completion: 0.0000006 },
			architecture: { input_modalities: ['text', 'image'] },
		},
	],
];

describe('fastSafeParse', () => {
	it.each(SAMPLES)(
		'agrees with zod on every variant of %s, and what it keeps parses as zod parses the value',
		(_, schema, sample) => {
			const parse = fastSafeParse(schema);
			let variantCount = 0;
			let invalidCount = 0;
			for (const value of variants(sample)) {
				variantCount++;
				const fast = parse(value);
				const zod = schema.safeParse(value);
				expect({ value, success: fast.success }).toEqual({ value, success: zod.success });
				// What zod keeps of a valid value is in what the fast path returns (which keeps unknown keys).
				if (fast.success && zod.success) expect(fast.data).toMatchObject(zod.data as object);
				else invalidCount++;
			}
			// Both outcomes are exercised, many times over.
			expect(variantCount).toBeGreaterThan(50);
			expect(invalidCount).toBeGreaterThan(10);
			expect(variantCount - invalidCount).toBeGreaterThan(10);
		},
	);

	it('returns a valid value itself without zod, and leaves an invalid one to zod for the issue', () => {
		const zodParse = jest.spyOn(completionSchema, 'safeParse');
		const parse = fastSafeParse(completionSchema);
		const [, , answer] = SAMPLES[0];

		const valid = parse(answer);
		expect(valid).toEqual({ success: true, data: answer });
		expect(valid.data).toBe(answer);
		expect(zodParse).not.toHaveBeenCalled();

		const invalid = parse({ model: 7, choices: [] });
		expect(zodParse).toHaveBeenCalledTimes(1);
		expect(invalid.success).toBe(false);
		expect(invalid.error?.issues[0]).toMatchObject({ path: ['model'], code: 'invalid_type' });
		zodParse.mockRestore();
	});

	it.each([
		['a positive number', z.number().positive(), [0, 1, -1, 0.5]],
		['a bounded integer', z.number().int().gte(2).lt(4), [1, 2, 3, 3.5, 4]],
		['a finite number', z.number().finite(), [Infinity, -Infinity, 1e308]],
		['a string of bounded length', z.string().min(1).max(3), ['', 'a', 'abc', 'abcd']],
		[
			'a union of a literal and a boolean',
			z.union([z.literal('a'), z.boolean()]),
			['a', 'b', false, null],
		],
		['an array of nullable numbers', z.array(z.number().nullable()), [[], [1, null], [1, 'x'], {}]],
	])('agrees with zod on %s', (_, schema, values) => {
		const parse = fastSafeParse(schema);
		for (const value of values)
			expect({ value, parsed: parse(value) }).toEqual({ value, parsed: schema.safeParse(value) });
	});

	it.each([
		['a default', z.object({ name: z.string().default('anonymous') }), {}, { name: 'anonymous' }],
		[
			'a transform',
			z.object({ size: z.string().transform((text) => text.length) }),
			{ size: 'abc' },
			{ size: 3 },
		],
		[
			'an unknown key of a strict object',
			z.object({ a: z.number() }).strict(),
			{ a: 1, b: 2 },
			undefined,
		],
		['a string format', z.object({ mail: z.string().email() }), { mail: 'not a mail' }, undefined],
		['an array length', z.array(z.number()).min(2), [1], undefined],
		['a multiple', z.number().multipleOf(5), 7, undefined],
	])('leaves a schema with %s to zod', (_, schema, value, data) => {
		const parsed = fastSafeParse(schema)(value);
		expect(parsed).toEqual(schema.safeParse(value));
		expect(parsed.success ? parsed.data : undefined).toEqual(data);
	});
});
