import type { MockModel, RecordedChatRequest } from './types';

/** A tool call as OpenRouter sends it in `choices[].message.tool_calls`. */
export interface ToolCallWire {
	id: string;
	type: 'function';
	function: { name: string; arguments: string };
}

interface ToolWire {
	type?: unknown;
	function?: { name?: unknown };
}

/**
 * A model with `toolUse` calls that tool when the request offers it (a `madeUp` one whatever the
 * request offers, no tool at all included), `tool_choice` does not say `none`, and no tool result
 * has come back since the user last spoke; otherwise it answers (see replyContent). Its
 * `arguments` are sent as written, so a model can be given broken JSON.
 */
export function toolCallsFor(
	model: MockModel,
	request: RecordedChatRequest,
	generationId: string,
): ToolCallWire[] | undefined {
	const use = model.toolUse;
	if (!use || request.body.tool_choice === 'none') return undefined;
	const tools = Array.isArray(request.body.tools) ? (request.body.tools as ToolWire[]) : [];
	const offered = tools.some(
		(tool) => tool.type === 'function' && tool.function?.name === use.name,
	);
	if (!offered && !use.madeUp) return undefined;
	const { messages } = request.body;
	const lastUser = messages.map((message) => message.role).lastIndexOf('user');
	if (messages.slice(lastUser + 1).some((message) => message.role === 'tool')) return undefined;
	return [
		{
			id: `call_${generationId}`,
			type: 'function',
			function: { name: use.name, arguments: use.arguments },
		},
	];
}

/**
 * OpenAI and OpenRouter refuse a `tool` message that answers no tool call of an
 * earlier assistant message; so does the mock, to catch a wrong wire mapping.
 */
export function toolMessageProblem(
	messages: RecordedChatRequest['body']['messages'],
): string | undefined {
	const called = new Set<string>();
	for (const [index, message] of messages.entries()) {
		if (message.role === 'assistant' && Array.isArray(message.tool_calls)) {
			for (const call of message.tool_calls as Array<{ id?: unknown }>)
				if (typeof call.id === 'string') called.add(call.id);
		}
		if (message.role !== 'tool') continue;
		if (typeof message.tool_call_id !== 'string' || !called.has(message.tool_call_id))
			return `messages[${index}]: a tool message must answer a tool_call_id of an earlier assistant message`;
	}
	return undefined;
}
