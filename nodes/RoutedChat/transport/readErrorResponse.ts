import { attempt, GatewayStatusError } from '../core';
import { errorBodySchema, type ErrorBody, plainErrorBodySchema } from './gatewaySchema';
import type { HttpResponse } from './httpExchange';

/** Enough of a provider's raw error to act on, without copying a whole upstream page into every attempt. */
const RAW_ERROR_CHARS = 300;

/**
 * An error status as the core's error: the status and headers (Retry-After)
 * classify it; the message reads "<status> <message>" from OpenRouter's error
 * body, naming the provider and its raw error when OpenRouter passes them on,
 * or from another server's (vLLM's, FastAPI's), else carries the body's text. A redirect
 * (never followed) names where it points.
 */
export function readErrorResponse(response: HttpResponse): GatewayStatusError {
	const location = response.status < 400 ? response.headers.get('location') : null;
	if (location !== null) {
		return new GatewayStatusError(
			response.status,
			`${response.status} redirect to ${location.slice(0, RAW_ERROR_CHARS)}, not followed: the key goes only to the credential's Base URL`,
			response.headers,
		);
	}
	const json = attempt(() => JSON.parse(response.body) as unknown);
	const detail =
		(json.ok && errorText(json.value)) ||
		response.body.trim().slice(0, RAW_ERROR_CHARS) ||
		'status code (no body)';
	return new GatewayStatusError(response.status, `${response.status} ${detail}`, response.headers);
}

/** The message of an error body in OpenRouter's shape or another server's. */
function errorText(body: unknown): string | undefined {
	const openRouter = errorBodySchema.safeParse(body);
	if (openRouter.success) return describeError(openRouter.data.error);
	const plain = plainErrorBodySchema.safeParse(body);
	return plain.success ? plain.data.slice(0, RAW_ERROR_CHARS) : undefined;
}

/** OpenRouter's error report as text: its message, and the provider and its raw error when passed on. */
export function describeError({ message, metadata }: ErrorBody['error']): string {
	const provider = metadata?.provider_name ? ` (provider: ${metadata.provider_name})` : '';
	const raw = metadata?.raw === undefined || metadata.raw === null ? '' : rawText(metadata.raw);
	return `${message}${provider}${raw && raw !== message ? `: ${raw}` : ''}`;
}

function rawText(raw: unknown): string {
	const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
	return text.length > RAW_ERROR_CHARS ? `${text.slice(0, RAW_ERROR_CHARS)}…` : text;
}
