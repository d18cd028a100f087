import { Validator } from '@cfworker/json-schema';

const MAX_REPORTED = 5;

/**
 * A JSON Schema compiled once into the checker the core runs on each answer:
 * where a value breaks the schema, one readable line per problem (an
 * interpreter: no code generation).
 */
export function compileJsonSchema(schema: Record<string, unknown>): (value: unknown) => string[] {
	const validator = new Validator(schema as never, '2020-12', false);
	return (value) => {
		const result = validator.validate(value);
		if (result.valid) return [];
		// The validator reports each failure and then every enclosing keyword that failed because of it; keep the leaves.
		const leaves = result.errors.filter(
			(error) =>
				!result.errors.some(
					(other) =>
						other !== error && other.instanceLocation.startsWith(`${error.instanceLocation}/`),
				),
		);
		const unique = [
			...new Set(
				(leaves.length ? leaves : result.errors).map(
					(e) => `${e.instanceLocation || '#'}: ${e.error}`,
				),
			),
		];
		return unique.slice(0, MAX_REPORTED);
	};
}
