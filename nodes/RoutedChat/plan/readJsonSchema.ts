import { attempt } from '../core';
import { compileJsonSchema, type SchemaCheck } from './compileJsonSchema';
import type { NodeOptions } from './optionsSchema';
import { ParameterError } from './parameterError';

const PARAMETER = 'options.jsonSchema';
const HINT =
	'Paste a JSON Schema object in Options → JSON Schema, e.g. {"type": "object", "properties": {…}}';

export interface JsonSchemaOption {
	schema: Record<string, unknown>;
	check: SchemaCheck;
}

/** Schemas compiled from text, so the items of an execution share one; safe to lose. */
const byText = new Map<string, JsonSchemaOption>();
const REMEMBERED = 16;

/** The JSON Schema option, parsed and compiled, or a ParameterError saying what is wrong with it. */
export function readJsonSchema(value: NodeOptions['jsonSchema']): JsonSchemaOption {
	if (value === undefined)
		throw new ParameterError(
			PARAMETER,
			'Response Format is JSON Schema but no schema is set',
			HINT,
		);
	if (typeof value !== 'string') return compiled(value);
	const known = byText.get(value);
	if (known) return known;
	const parsed = attempt(() => JSON.parse(value) as unknown);
	if (!parsed.ok) throw new ParameterError(PARAMETER, 'The JSON Schema is not valid JSON', HINT);
	const schema = parsed.value;
	if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
		throw new ParameterError(PARAMETER, 'The JSON Schema must be a JSON object', HINT);
	const option = compiled(schema as Record<string, unknown>);
	if (byText.size >= REMEMBERED) byText.delete(byText.keys().next().value as string);
	byText.set(value, option);
	return option;
}

function compiled(schema: Record<string, unknown>): JsonSchemaOption {
	const check = attempt(() => compileJsonSchema(schema));
	if (!check.ok) {
		const why = (check.error as Error).message;
		throw new ParameterError(PARAMETER, `The JSON Schema cannot be used: ${why}`, HINT);
	}
	return { schema, check: check.value };
}
