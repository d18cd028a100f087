import { z } from 'zod';

import { attempt, type ChatMessage } from '../core';
import { ParameterError } from './parameterError';

const messagesSchema = z
	.array(
		z.object(
			{
				role: z.enum(['system', 'developer', 'user', 'assistant'], {
					errorMap: () => ({ message: 'role must be one of system, developer, user, assistant' }),
				}),
				content: z.string({ errorMap: () => ({ message: 'content must be a string' }) }),
			},
			{ errorMap: () => ({ message: 'each message must be an object {role, content}' }) },
		),
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
		const issue = parsed.error.issues[0];
		const at = issue.path.length
			? `messages[${issue.path[0]}]${issue.path
					.slice(1)
					.map((key) => `.${key}`)
					.join('')}: `
			: '';
		throw new ParameterError('messages', `${at}${issue.message}`);
	}
	return parsed.data;
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
