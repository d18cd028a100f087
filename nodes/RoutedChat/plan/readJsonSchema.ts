import { attempt, compileJsonSchema } from '../core';
import type { NodeOptions } from './optionsSchema';
import { ParameterError } from './parameterError';

const PARAMETER = 'options.jsonSchema';
const HINT =
	'Paste a JSON Schema object in Options → JSON Schema, e.g. {"type": "object", "properties": {…}}';
/** Schemas read from text, so items of one execution share one compiled schema; safe to lose. */
const byText = new Map<string, Record<string, unknown>>();
const REMEMBERED = 16;

/** The JSON Schema option, parsed and compiled, or a ParameterError saying what is wrong with it. */
export function readJsonSchema(value: NodeOptions['jsonSchema']): Record<string, unknown> {
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
	if (byText.size >= REMEMBERED) byText.delete(byText.keys().next().value as string);
	byText.set(value, compiled(schema as Record<string, unknown>));
	return schema as Record<string, unknown>;
}

function compiled(schema: Record<string, unknown>): Record<string, unknown> {
	const result = compileJsonSchema(schema);
	if (!result.ok)
		throw new ParameterError(PARAMETER, `The JSON Schema cannot be used: ${result.error}`, HINT);
	return schema;
}
