import { dereference, Validator } from '@cfworker/json-schema';

const TYPES = ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'];
/** Keywords whose value is a schema, a list of schemas or a map of schemas, as the validator walks them. */
const SCHEMA_KEYWORDS = [
	'additionalItems',
	'unevaluatedItems',
	'items',
	'contains',
	'additionalProperties',
	'unevaluatedProperties',
	'propertyNames',
	'not',
	'if',
	'then',
	'else',
];
const SCHEMA_LIST_KEYWORDS = ['prefixItems', 'items', 'allOf', 'anyOf', 'oneOf'];
const SCHEMA_MAP_KEYWORDS = [
	'$defs',
	'definitions',
	'properties',
	'patternProperties',
	'dependentSchemas',
];
/** cfworker's check for this non-standard format backtracks exponentially on some strings. */
const REFUSED_FORMATS: Record<string, string> = {
	url: '"url" is not a JSON Schema format and its check can hang on a hostile answer: use "uri"',
};

type Schema = Record<string, unknown>;
type Lookup = Record<string, unknown>;

const validators = new WeakMap<Schema, Validator>();

/**
 * Readies a JSON Schema for checking answers, once per schema object, or says where the validator
 * could not use it: an unresolved `$ref`, a duplicate `$id`, an unknown type, a regex that does
 * not compile. The validator itself only finds these while checking an answer, after it is paid for.
 */
export function compileJsonSchema(schema: Schema): { ok: true } | { ok: false; error: string } {
	if (validators.has(schema)) return { ok: true };
	let lookup: Lookup;
	try {
		lookup = dereference(schema as never);
	} catch (error) {
		return { ok: false, error: (error as Error).message };
	}
	const problem = schemaProblem(schema, '#', lookup);
	if (problem) return { ok: false, error: problem };
	// Short-circuit: a full report on a hostile answer (a million failing elements) took seconds.
	validators.set(schema, new Validator(schema as never, '2020-12', true));
	return { ok: true };
}

/** The validator for a schema, compiled on first use. */
export function validatorFor(schema: Schema): Validator {
	const compiled = compileJsonSchema(schema);
	if (!compiled.ok) throw new Error(`The JSON Schema cannot be used: ${compiled.error}`);
	return validators.get(schema) as Validator;
}

function schemaProblem(schema: unknown, at: string, lookup: Lookup): string | undefined {
	if (typeof schema === 'boolean') return undefined;
	if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
		return `${at}: a schema must be an object or true / false`;
	const node = schema as Schema & { __absolute_ref__?: string };
	const own = ownProblem(node, at, lookup);
	if (own) return own;
	for (const [keyword, value] of Object.entries(node)) {
		const inner = `${at}/${keyword}`;
		const found =
			SCHEMA_LIST_KEYWORDS.includes(keyword) && Array.isArray(value)
				? firstProblem(
						value.map((item, index) => [`${inner}/${index}`, item]),
						lookup,
					)
				: SCHEMA_MAP_KEYWORDS.includes(keyword)
					? typeof value === 'object' && value !== null && !Array.isArray(value)
						? firstProblem(
								Object.entries(value).map(([key, item]) => [`${inner}/${key}`, item]),
								lookup,
							)
						: `${inner}: must be an object of schemas`
					: SCHEMA_KEYWORDS.includes(keyword)
						? schemaProblem(value, inner, lookup)
						: undefined;
		if (found) return found;
	}
	return undefined;
}

function firstProblem(entries: Array<[string, unknown]>, lookup: Lookup): string | undefined {
	for (const [at, schema] of entries) {
		const problem = schemaProblem(schema, at, lookup);
		if (problem) return problem;
	}
	return undefined;
}

function ownProblem(
	node: Schema & { __absolute_ref__?: string },
	at: string,
	lookup: Lookup,
): string | undefined {
	const { type, $ref, enum: values, required, pattern, patternProperties, format } = node;
	const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
	const unknownType = types.find((name) => !TYPES.includes(name as string));
	if (unknownType !== undefined)
		return `${at}/type: ${JSON.stringify(unknownType)} is not a JSON Schema type (${TYPES.join(', ')})`;
	if ($ref !== undefined && lookup[node.__absolute_ref__ ?? String($ref)] === undefined)
		return `${at}/$ref: ${JSON.stringify($ref)} does not resolve to a schema in this one`;
	if (values !== undefined && !Array.isArray(values)) return `${at}/enum: must be a list`;
	if (
		required !== undefined &&
		!(Array.isArray(required) && required.every((key) => typeof key === 'string'))
	)
		return `${at}/required: must be a list of property names`;
	const patterns = [
		...(pattern === undefined ? [] : [[`${at}/pattern`, pattern]]),
		...Object.keys(
			typeof patternProperties === 'object' && patternProperties ? patternProperties : {},
		).map((key) => [`${at}/patternProperties`, key]),
	];
	for (const [where, source] of patterns) {
		const problem = regexProblem(source);
		if (problem) return `${where}: ${problem}`;
	}
	if (typeof format === 'string' && REFUSED_FORMATS[format])
		return `${at}/format: ${REFUSED_FORMATS[format]}`;
	return undefined;
}

/** The validator compiles patterns with the `u` flag while checking an answer; a bad one would throw there. */
function regexProblem(source: unknown): string | undefined {
	if (typeof source !== 'string') return `${JSON.stringify(source)} is not a regex`;
	try {
		new RegExp(source, 'u');
		return undefined;
	} catch (error) {
		return `${JSON.stringify(source)} is not a valid regex: ${(error as Error).message}`;
	}
}
