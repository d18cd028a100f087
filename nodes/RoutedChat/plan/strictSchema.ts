/** Where a JSON Schema holds further schemas, one or many. */
const ONE_SCHEMA = ['items', 'additionalItems', 'not', 'if', 'then', 'else'];
const MANY_SCHEMAS = ['anyOf', 'allOf', 'oneOf', 'prefixItems'];
const NAMED_SCHEMAS = ['properties', '$defs', 'definitions'];

/**
 * Whether OpenAI's strict mode takes the schema: an object at the top, and every object in it
 * closed (`additionalProperties: false`) with all of its properties required. OpenAI answers 400
 * to a strict schema that is not, so only such a schema is sent as strict; the node checks every
 * answer against the schema either way.
 */
export function meetsStrictMode(schema: unknown): boolean {
	return isRecord(schema) && schema.type === 'object' && closedThroughout(schema);
}

function closedThroughout(schema: unknown): boolean {
	if (!isRecord(schema)) return true;
	if (isObjectSchema(schema) && !isClosed(schema)) return false;
	const nested = [
		...ONE_SCHEMA.map((key) => schema[key]),
		...MANY_SCHEMAS.flatMap((key) => (Array.isArray(schema[key]) ? schema[key] : [])),
		...NAMED_SCHEMAS.flatMap((key) => (isRecord(schema[key]) ? Object.values(schema[key]) : [])),
	];
	return nested.every(closedThroughout);
}

function isObjectSchema(schema: Record<string, unknown>): boolean {
	const { type } = schema;
	return (
		type === 'object' || (Array.isArray(type) && type.includes('object')) || 'properties' in schema
	);
}

function isClosed(schema: Record<string, unknown>): boolean {
	if (schema.additionalProperties !== false) return false;
	const properties = isRecord(schema.properties) ? Object.keys(schema.properties) : [];
	const required = Array.isArray(schema.required) ? schema.required : [];
	return properties.every((name) => required.includes(name));
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
