import { attempt } from '../core';
import { compileJsonSchema, type SchemaCheck } from './compileJsonSchema';
import type { NodeOptions } from './optionsSchema';
import { ParameterError } from './parameterError';
import { rememberByText } from './rememberByText';

const PARAMETER = 'options.jsonSchema';
const HINT =
	'Paste a JSON Schema object in Options → JSON Schema, e.g. {"type": "object", "properties": {…}}';

interface JsonSchemaOption {
	schema: Record<string, unknown>;
	check: SchemaCheck;
}

/** The JSON Schema option, parsed and compiled, or a ParameterError saying what is wrong with it. */
export function readJsonSchema(value: NodeOptions['jsonSchema']): JsonSchemaOption {
	if (value === undefined)
		throw new ParameterError(
			PARAMETER,
			'Response Format is JSON Schema but no schema is set',
			HINT,
		);
	return typeof value === 'string' ? fromText(value) : compiled(value);
}

/** Schemas compiled from text, so the items of an execution share one. */
const fromText = rememberByText((text) => {
	const parsed = attempt(() => JSON.parse(text) as unknown);
	if (!parsed.ok) throw new ParameterError(PARAMETER, 'The JSON Schema is not valid JSON', HINT);
	const schema = parsed.value;
	if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
		throw new ParameterError(PARAMETER, 'The JSON Schema must be a JSON object', HINT);
	return compiled(schema as Record<string, unknown>);
});

function compiled(schema: Record<string, unknown>): JsonSchemaOption {
	const check = attempt(() => compileJsonSchema(schema));
	if (!check.ok) {
		const why = (check.error as Error).message;
		throw new ParameterError(PARAMETER, `The JSON Schema cannot be used: ${why}`, HINT);
	}
	return { schema, check: check.value };
}
