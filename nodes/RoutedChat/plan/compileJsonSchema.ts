import { dereference, Validator } from '@cfworker/json-schema';

import { compileRegex } from './readRegex';

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

const MAX_REPORTED = 5;

/** Where an answer breaks the schema, one readable line per problem. */
export type SchemaCheck = (value: unknown) => string[];

/**
 * A JSON Schema compiled once into the checker the core runs on each answer (an interpreter: no
 * code generation), whose `pattern` and `patternProperties` match through schemaPattern, without
 * backtracking (scripts/linearSchemaPatterns.cjs). Throws where the validator could not use it: an
 * unresolved `$ref`, a duplicate `$id`, an unknown type, a regex that does not compile or needs
 * backtracking. The validator itself finds these only while checking an answer, after it is paid for.
 */
export function compileJsonSchema(schema: Schema): SchemaCheck {
	const lookup = dereference(schema as never);
	const problem = schemaProblem(schema, '#', lookup);
	if (problem) throw new Error(problem);
	// Short-circuit: a full report on a hostile answer (a million failing elements) took seconds.
	const validator = new Validator(schema as never, '2020-12', true);
	return (value) => schemaErrors(validator, value);
}

/** The validator stops at the first failing keyword, so this is usually one line. */
function schemaErrors(validator: Validator, value: unknown): string[] {
	const result = validator.validate(value);
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
	const lines = (leaves.length ? leaves : result.errors).map(
		(e) => `${e.instanceLocation || '#'}: ${e.error}`,
	);
	return [...new Set(lines)].slice(0, MAX_REPORTED);
}

function schemaProblem(schema: unknown, at: string, lookup: Lookup): string | undefined {
	if (typeof schema === 'boolean') return undefined;
	if (!isObject(schema)) return `${at}: a schema must be an object or true / false`;
	const own = ownProblem(schema, at, lookup);
	if (own) return own;
	for (const [keyword, value] of Object.entries(schema)) {
		const inner = subschemas(keyword, value, `${at}/${keyword}`);
		const found = typeof inner === 'string' ? inner : firstProblem(inner, lookup);
		if (found) return found;
	}
	return undefined;
}

/** The schemas under one keyword with their locations, as the validator walks them, or what is wrong. */
function subschemas(
	keyword: string,
	value: unknown,
	at: string,
): Array<[string, unknown]> | string {
	if (SCHEMA_LIST_KEYWORDS.includes(keyword) && Array.isArray(value))
		return value.map((item, index) => [`${at}/${index}`, item]);
	if (SCHEMA_MAP_KEYWORDS.includes(keyword)) {
		if (!isObject(value)) return `${at}: must be an object of schemas`;
		return Object.entries(value).map(([key, item]) => [`${at}/${key}`, item]);
	}
	return SCHEMA_KEYWORDS.includes(keyword) ? [[at, value]] : [];
}

function isObject(value: unknown): value is Schema {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
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
		...Object.keys(isObject(patternProperties) ? patternProperties : {}).map((key) => [
			`${at}/patternProperties`,
			key,
		]),
	];
	for (const [where, source] of patterns) {
		const problem = regexProblem(source);
		if (problem) return `${where}: ${problem}`;
	}
	if (typeof format === 'string' && REFUSED_FORMATS[format])
		return `${at}/format: ${REFUSED_FORMATS[format]}`;
	return dependencyProblem(node, at, lookup);
}

/** `dependentRequired` maps names to lists of names; the older `dependencies`, to such a list or a schema. */
function dependencyProblem(node: Schema, at: string, lookup: Lookup): string | undefined {
	const names = (value: unknown) =>
		Array.isArray(value) && value.every((name) => typeof name === 'string');
	const { dependentRequired, dependencies } = node;
	if (dependentRequired !== undefined) {
		if (!isObject(dependentRequired)) return `${at}/dependentRequired: must be an object`;
		for (const [key, value] of Object.entries(dependentRequired))
			if (!names(value)) return `${at}/dependentRequired/${key}: must be a list of property names`;
	}
	if (dependencies !== undefined) {
		if (!isObject(dependencies)) return `${at}/dependencies: must be an object`;
		for (const [key, value] of Object.entries(dependencies)) {
			if (names(value)) continue;
			if (!isObject(value) && typeof value !== 'boolean')
				return `${at}/dependencies/${key}: must be a list of property names or a schema`;
			const problem = schemaProblem(value, `${at}/dependencies/${key}`, lookup);
			if (problem) return problem;
		}
	}
	return undefined;
}

/** A pattern must be a regex with the `u` flag that can match without backtracking. */
function regexProblem(source: unknown): string | undefined {
	if (typeof source !== 'string') return `${JSON.stringify(source)} is not a regex`;
	const compiled = compileRegex(source, 'u', JSON.stringify);
	return 'problem' in compiled ? compiled.problem : undefined;
}
