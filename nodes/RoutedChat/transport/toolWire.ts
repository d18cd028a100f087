import type { ChatMessage, ToolCall, ToolChoice, ToolDefinition } from '../core';

/** A tool call in OpenAI's and OpenRouter's wire names. */
export interface ToolCallWire {
	id: string;
	type: 'function';
	function: { name: string; arguments: string };
}

/** One message in the wire's names: `tool_calls` on an assistant turn, `tool_call_id` on a tool result. */
export function wireMessage(message: ChatMessage): Record<string, unknown> {
	if (message.role === 'tool') {
		return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
	}
	if (message.toolCalls?.length) {
		return {
			role: message.role,
			content: message.content || null,
			tool_calls: message.toolCalls.map(
				(call): ToolCallWire => ({
					id: call.id,
					type: 'function',
					function: { name: call.name, arguments: call.arguments },
				}),
			),
		};
	}
	return { role: message.role, content: message.content };
}

/** The request's `tools` and `tool_choice`, or nothing when no tool is offered. */
export function wireTools(
	tools: ToolDefinition[] | undefined,
	choice: ToolChoice | undefined,
): Record<string, unknown> {
	if (!tools?.length) return {};
	return {
		tools: tools.map((tool) => ({
			type: 'function',
			function: {
				name: tool.name,
				...(tool.description ? { description: tool.description } : {}),
				parameters: tool.parameters,
			},
		})),
		...(choice ? { tool_choice: choice } : {}),
	};
}

/** The tool calls of an answer, in the core's names; undefined when there are none. */
export function readToolCalls(calls: ToolCallWire[] | null | undefined): ToolCall[] | undefined {
	if (!calls?.length) return undefined;
	return calls.map((call) => ({
		id: call.id,
		name: call.function.name,
		arguments: call.function.arguments,
	}));
}
