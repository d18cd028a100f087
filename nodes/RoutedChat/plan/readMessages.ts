import { z } from 'zod';

import { attempt, type ChatMessage } from '../core';
import { contentPartsSchema, messageContent } from './contentParts';
import { checkMediaTotal, mediaBytes } from './mediaLimits';
import { ParameterError } from './parameterError';
import { zodMessage } from './zodMessage';

const ROLES = 'system, developer, user, assistant, tool';
/** A string, or OpenAI's content parts: text, and in a user message image_url and file. */
const contentOrParts = z.union([z.string(), contentPartsSchema], {
	errorMap: (issue, context) =>
		issue.code === 'invalid_union'
			? { message: 'content must be a string or an array of content parts' }
			: { message: context.defaultError },
});

/** An assistant turn's call as OpenAI writes it; `arguments` may also be the parsed object Routed Chat outputs. */
const toolCallSchema = z.object(
	{
		id: z.string(zodMessage('id must be a string')).min(1, 'id must not be empty'),
		type: z.literal('function', zodMessage("type must be 'function'")),
		function: z.object(
			{
				name: z.string(zodMessage('name must be a string')).min(1, 'name must not be empty'),
				arguments: z.union(
					[z.string(), z.record(z.unknown())],
					zodMessage('arguments must be a JSON string or an object'),
				),
			},
			zodMessage('function must be an object {name, arguments}'),
		),
	},
	zodMessage(
		'each tool call must be an object {id, type: "function", function: {name, arguments}}',
	),
);

const messageSchema = z.discriminatedUnion(
	'role',
	[
		z.object({ role: z.enum(['system', 'developer', 'user']), content: contentOrParts }),
		z.object({
			role: z.literal('assistant'),
			// OpenAI's assistant turn that only calls tools has `content: null`.
			content: contentOrParts.nullish(),
			tool_calls: z.array(toolCallSchema, zodMessage('tool_calls must be an array')).optional(),
		}),
		z.object({
			role: z.literal('tool'),
			tool_call_id: z
				.string(zodMessage('tool_call_id must be a string'))
				.min(1, 'tool_call_id must not be empty'),
			content: contentOrParts,
		}),
	],
	{
		errorMap: (issue, context) => {
			if (issue.code === 'invalid_union_discriminator')
				return { message: `role must be one of ${ROLES}` };
			if (issue.code === 'invalid_type' && issue.path.length === 1)
				return { message: 'each message must be an object {role, content}' };
			return { message: context.defaultError };
		},
	},
);

const turnSchema = messageSchema.superRefine((turn, context) => {
	if (turn.role === 'assistant' && turn.content == null && !turn.tool_calls?.length)
		context.addIssue({
			code: 'custom',
			path: ['content'],
			message: 'content must be a string (it may be null only when tool_calls is given)',
		});
	if (turn.role === 'user' || !Array.isArray(turn.content)) return;
	const at = turn.content.findIndex((part) => part.type !== 'text');
	if (at !== -1)
		context.addIssue({
			code: 'custom',
			path: ['content', at],
			message: 'images and files go in user messages',
		});
});

const messagesSchema = z
	.array(turnSchema, zodMessage('messages must be a JSON array of {role, content}'))
	.min(1, 'messages must hold at least one message');

type MessageBody = z.infer<typeof messageSchema>;

/** Reads the messages-JSON parameter (a string or an already-parsed array). */
export function readMessages(value: unknown): ChatMessage[] {
	const data =
		typeof value === 'string'
			? attempt(() => JSON.parse(value) as unknown)
			: { ok: true as const, value };
	if (!data.ok) {
		throw new ParameterError(
			'messages',
			'Messages is not valid JSON',
			'Check quotes and commas, e.g. [{"role": "user", "content": "Hi"}]',
		);
	}
	const parsed = messagesSchema.safeParse(data.value);
	if (!parsed.success) {
		const issue = innermost(parsed.error.issues[0]);
		const at = issue.path.length
			? `messages[${issue.path[0]}]${issue.path
					.slice(1)
					.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`))
					.join('')}: `
			: '';
		throw new ParameterError('messages', `${at}${issue.message}`);
	}
	const messages = parsed.data.map(toChatMessage);
	checkToolResults(messages);
	checkMediaTotal('messages', mediaBytes(messages), 'The images and files in Messages');
	return messages;
}

/** OpenAI's wire names → the core's: `tool_calls` on an assistant turn, `tool_call_id` on a tool result. */
function toChatMessage(body: MessageBody): ChatMessage {
	switch (body.role) {
		case 'tool':
			// Text parts only (images are refused above): their joined text.
			return {
				role: 'tool',
				content: messageContent(body.content).content,
				toolCallId: body.tool_call_id,
			};
		case 'assistant':
			return body.tool_calls?.length
				? {
						role: 'assistant',
						...messageContent(body.content ?? ''),
						toolCalls: body.tool_calls.map((call) => ({
							id: call.id,
							name: call.function.name,
							arguments:
								typeof call.function.arguments === 'string'
									? call.function.arguments
									: JSON.stringify(call.function.arguments),
						})),
					}
				: { role: 'assistant', ...messageContent(body.content ?? '') };
		default:
			return { role: body.role, ...messageContent(body.content) };
	}
}

/** Gateways refuse a tool result that answers no earlier call (a 400 for every model): say so first. */
function checkToolResults(messages: ChatMessage[]): void {
	const called = new Set<string>();
	for (const [index, message] of messages.entries()) {
		message.toolCalls?.forEach((call) => called.add(call.id));
		if (message.toolCallId !== undefined && !called.has(message.toolCallId))
			throw new ParameterError(
				'messages',
				`messages[${index}].tool_call_id: "${message.toolCallId}" answers no tool call of an earlier assistant message`,
				'Put the assistant message with its tool_calls before the tool results, with the same ids',
			);
	}
}

/**
 * A content that is neither a string nor valid parts fails both of the union's options: when the
 * parts option got further (an array with a bad part), its issue says what is wrong.
 */
function innermost(issue: z.ZodIssue): z.ZodIssue {
	if (issue.code !== 'invalid_union') return issue;
	const deeper = issue.unionErrors
		.flatMap((error) => error.issues)
		.filter((inner) => inner.path.length > issue.path.length);
	return deeper.length ? innermost(deeper[0]) : issue;
}

/** The simple mode: an optional system message and the user's prompt. */
export function promptMessages(systemMessage: unknown, prompt: unknown): ChatMessage[] {
	const text = (v: unknown) =>
		typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v);
	const user = text(prompt);
	if (!user.trim())
		throw new ParameterError(
			'prompt',
			'The prompt is empty',
			'Type a prompt or map one from the input, e.g. {{ $json.text }}',
		);
	const system = text(systemMessage).trim();
	return system
		? [
				{ role: 'system', content: system },
				{ role: 'user', content: user },
			]
		: [{ role: 'user', content: user }];
}
