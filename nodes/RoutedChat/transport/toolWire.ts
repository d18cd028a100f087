import type {
	ChatCompletionContentPart,
	ChatCompletionFunctionTool,
	ChatCompletionMessageFunctionToolCall,
	ChatCompletionMessageParam,
	ChatCompletionToolChoiceOption,
} from 'openai/resources/chat/completions';

import type { ChatMessage, ContentPart, ToolCall, ToolChoice, ToolDefinition } from '../core';

interface CacheControl {
	cache_control?: { type: 'ephemeral'; ttl?: '1h' };
}

/** A part, maybe marked for prompt caching as OpenRouter passes it on to providers that cache. */
type WirePart = ChatCompletionContentPart & CacheControl;

/**
 * One message in the wire's names: `tool_calls` on an assistant turn, `tool_call_id` on a tool
 * result; a message with images or files as content parts; a message marked for prompt caching
 * goes to OpenRouter with `cache_control` on its last part.
 */
export function wireMessage(message: ChatMessage, openRouter: boolean): ChatCompletionMessageParam {
	switch (message.role) {
		case 'tool':
			return { role: 'tool', tool_call_id: message.toolCallId ?? '', content: message.content };
		case 'assistant':
			return message.toolCalls?.length
				? {
						role: 'assistant',
						content: message.content || null,
						tool_calls: message.toolCalls.map(
							(call): ChatCompletionMessageFunctionToolCall => ({
								id: call.id,
								type: 'function',
								function: { name: call.name, arguments: call.arguments },
							}),
						),
					}
				: ({
						role: 'assistant',
						content: wireContent(message, openRouter),
					} as ChatCompletionMessageParam);
		default:
			return {
				role: message.role,
				content: wireContent(message, openRouter),
			} as ChatCompletionMessageParam;
	}
}

function wireContent(
	{ content, parts, cache }: ChatMessage,
	openRouter: boolean,
): string | WirePart[] {
	const mark = cache && openRouter ? cacheControl(cache.ttl) : {};
	if (parts) {
		// The cached prefix ends with the message's last part.
		return parts.map((part, at) => ({
			...wirePart(part),
			...(at === parts.length - 1 ? mark : {}),
		}));
	}
	if (!cache || !openRouter) return content;
	return [{ type: 'text', text: content, ...mark }];
}

function cacheControl(ttl: '1h' | undefined): Required<CacheControl> {
	return { cache_control: ttl ? { type: 'ephemeral', ttl } : { type: 'ephemeral' } };
}

/** OpenAI's content parts: `image_url` for an image, `file` with `file_data` for a PDF (OpenRouter takes a URL there too). */
function wirePart(part: ContentPart): ChatCompletionContentPart {
	switch (part.type) {
		case 'text':
			return { type: 'text', text: part.text };
		case 'image':
			return { type: 'image_url', image_url: { url: part.url } };
		case 'file':
			return { type: 'file', file: { filename: part.filename, file_data: part.url } };
	}
}

/** The request's `tools` and `tool_choice`, or nothing when no tool is offered. */
export function wireTools(
	tools: ToolDefinition[] | undefined,
	choice: ToolChoice | undefined,
): { tools?: ChatCompletionFunctionTool[]; tool_choice?: ChatCompletionToolChoiceOption } {
	if (!tools?.length) return {};
	return {
		tools: tools.map((tool) => ({
			type: 'function',
			function: {
				name: tool.name,
				...(tool.description ? { description: tool.description } : {}),
				parameters: tool.parameters,
				...(tool.strict !== undefined ? { strict: tool.strict } : {}),
			},
		})),
		...(choice ? { tool_choice: wireToolChoice(choice) } : {}),
	};
}

function wireToolChoice(choice: ToolChoice): ChatCompletionToolChoiceOption {
	return typeof choice === 'string'
		? choice
		: { type: 'function', function: { name: choice.function } };
}

/** A tool call as an answer carries it: the function's name and its arguments as JSON text. */
interface ToolCallBody {
	id: string;
	function: { name: string; arguments: string };
}

/** The tool calls of an answer, in the core's names; undefined when there are none. */
export function readToolCalls(calls: ToolCallBody[] | null | undefined): ToolCall[] | undefined {
	if (!calls?.length) return undefined;
	return calls.map((call) => ({
		id: call.id,
		name: call.function.name,
		arguments: call.function.arguments,
	}));
}
