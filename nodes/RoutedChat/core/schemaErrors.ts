import { Validator } from '@cfworker/json-schema';

const MAX_REPORTED = 5;

/** Where a value breaks a JSON Schema, one readable line per problem (an interpreter: no code generation). */
export function schemaErrors(value: unknown, schema: Record<string, unknown>): string[] {
	const result = new Validator(schema as never, '2020-12', false).validate(value);
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
}
