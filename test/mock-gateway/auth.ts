import type { IncomingMessage } from 'node:http';

/** Why the request's bearer key is refused (OpenRouter's own wording), or undefined when it is the gateway's key. */
export function bearerKeyProblem(req: IncomingMessage, apiKey: string): string | undefined {
	const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
	if (!match) return 'No auth credentials found';
	return match[1].trim() === apiKey ? undefined : 'User not found.';
}
