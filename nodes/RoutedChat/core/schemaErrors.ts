import { validatorFor } from './compileJsonSchema';

const MAX_REPORTED = 5;

/**
 * Where a value breaks a JSON Schema, one readable line per problem (an interpreter: no code
 * generation). The validator stops at the first failing keyword, so this is usually one line.
 */
export function schemaErrors(value: unknown, schema: Record<string, unknown>): string[] {
	const result = validatorFor(schema).validate(value);
	if (result.valid) return [];
	// The validator reports each failure and then every enclosing keyword that failed because of it;
	// keep the leaves.
	const enclosing = new Set<string>();
	for (const { instanceLocation } of result.errors) {
		for (let slash = instanceLocation.lastIndexOf('/'); slash > 0; ) {
			const parent = instanceLocation.slice(0, slash);
			if (enclosing.has(parent)) break;
			enclosing.add(parent);
			slash = parent.lastIndexOf('/');
		}
	}
	const leaves = result.errors.filter((error) => !enclosing.has(error.instanceLocation));
	const unique = [
		...new Set(
			(leaves.length ? leaves : result.errors).map(
				(e) => `${e.instanceLocation || '#'}: ${e.error}`,
			),
		),
	];
	return unique.slice(0, MAX_REPORTED);
}
