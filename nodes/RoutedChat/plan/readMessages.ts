import { z } from 'zod';

import { attempt, type ChatMessage } from '../core';
import { contentPartsSchema, messageContent } from './contentParts';
import { ParameterError } from './parameterError';

const messagesSchema = z
	.array(
		z
			.object(
				{
					role: z.enum(['system', 'developer', 'user', 'assistant'], {
						errorMap: () => ({ message: 'role must be one of system, developer, user, assistant' }),
					}),
					content: z.union([z.string(), contentPartsSchema], {
						errorMap: (issue, context) =>
							issue.code === 'invalid_union'
								? { message: 'content must be a string or an array of content parts' }
								: { message: context.defaultError },
					}),
				},
				{ errorMap: () => ({ message: 'each message must be an object {role, content}' }) },
			)
			.superRefine(({ role, content }, context) => {
				if (role === 'user' || typeof content === 'string') return;
				const at = content.findIndex((part) => part.type !== 'text');
				if (at !== -1)
					context.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['content', at],
						message: 'images and files go in user messages',
					});
			}),
		{ errorMap: () => ({ message: 'messages must be a JSON array of {role, content}' }) },
	)
	.min(1, 'messages must hold at least one message');

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
			? `messages${issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('')}: `
			: '';
		throw new ParameterError('messages', `${at}${issue.message}`);
	}
	return parsed.data.map(({ role, content }) => ({ role, ...messageContent(content) }));
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
