import { z } from 'zod';

import { attempt, type CompletionOptions, type ToolDefinition } from '../core';
import type { NodeOptions } from './optionsSchema';
import { ParameterError } from './parameterError';
import { rememberByText } from './rememberByText';
import { zodMessage } from './zodMessage';

const TOOLS = 'options.toolsJson';
const TOOLS_HINT =
	'An OpenAI-format tools array, e.g. [{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}]';

/** OpenAI's rule for a function name; a plain character class, so no backtracking. */
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const NAME_RULE = 'letters, digits, _ and - only, at most 64 characters';

const toolSchema = z.object(
	{
		type: z.literal('function', zodMessage("type must be 'function'")),
		function: z.object(
			{
				name: z
					.string(zodMessage('function.name must be a string'))
					.regex(FUNCTION_NAME, `function.name must be ${NAME_RULE}`),
				description: z.string(zodMessage('function.description must be a string')).optional(),
				parameters: z
					.record(z.unknown(), zodMessage('function.parameters must be a JSON Schema object'))
					.optional(),
				strict: z.boolean(zodMessage('function.strict must be true or false')).nullish(),
			},
			zodMessage('function must be an object {name, description, parameters}'),
		),
	},
	zodMessage('each tool must be an object {"type": "function", "function": {…}}'),
);

const toolsSchema = z.array(toolSchema, zodMessage('Tools (JSON) must be a JSON array of tools'));

/** A function without parameters takes none: OpenAI's empty-object schema. */
const NO_PARAMETERS = { type: 'object', properties: {} };

/** Tools (JSON) and Tool Choice → the tools and tool_choice every attempt sends. */
export function readTools(options: NodeOptions): Pick<CompletionOptions, 'tools' | 'toolChoice'> {
	const tools = parseTools(options.toolsJson);
	const choice = options.toolChoice;
	if (!tools.length) {
		if (choice === 'required' || choice === 'function')
			throw new ParameterError(
				'options.toolChoice',
				`Tool Choice is ${choice === 'required' ? 'Required' : 'Function'} but Tools (JSON) offers no tool`,
				'Add the tools to Tools (JSON), or remove Tool Choice',
			);
		return {};
	}
	if (choice !== 'function') return { tools, toolChoice: choice };
	const name = options.toolChoiceName?.trim() ?? '';
	if (!tools.some((tool) => tool.name === name))
		throw new ParameterError(
			'options.toolChoiceName',
			name
				? `Tool Name "${name}" is not a function in Tools (JSON)`
				: 'Tool Choice is Function but Tool Name is empty',
			`Name one of: ${tools.map((tool) => tool.name).join(', ')}`,
		);
	return { tools, toolChoice: { function: name } };
}

function parseTools(value: unknown): ToolDefinition[] {
	if (value === undefined || (typeof value === 'string' && !value.trim())) return [];
	return typeof value === 'string' ? toolsFromText(value) : checkTools(value);
}

/** Tools read from text, so the items of an execution share one parse (about 25 µs each). */
const toolsFromText = rememberByText((text) => {
	const data = attempt(() => JSON.parse(text) as unknown);
	if (!data.ok) throw new ParameterError(TOOLS, 'Tools (JSON) is not valid JSON', TOOLS_HINT);
	return checkTools(data.value);
});

function checkTools(value: unknown): ToolDefinition[] {
	const parsed = toolsSchema.safeParse(value);
	if (!parsed.success) {
		const [issue] = parsed.error.issues;
		const at = issue.path.length ? `Tools (JSON)[${issue.path[0]}]: ` : '';
		throw new ParameterError(TOOLS, `${at}${issue.message}`, TOOLS_HINT);
	}
	const tools = parsed.data.map(({ function: fn }) => ({
		name: fn.name,
		...(fn.description ? { description: fn.description } : {}),
		parameters: fn.parameters ?? NO_PARAMETERS,
		...(typeof fn.strict === 'boolean' ? { strict: fn.strict } : {}),
	}));
	const seen = new Set<string>();
	for (const [index, tool] of tools.entries()) {
		if (seen.has(tool.name))
			throw new ParameterError(
				TOOLS,
				`Tools (JSON)[${index}]: the function name "${tool.name}" is used twice`,
				'Each tool needs its own name: the model calls tools by name',
			);
		seen.add(tool.name);
	}
	return tools;
}
