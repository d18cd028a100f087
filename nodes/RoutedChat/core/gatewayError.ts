import type { FailureKind } from './types';

/** The kinds a client can tell by itself, before any HTTP status is read. */
export type ClientFailureKind = Extract<
	FailureKind,
	'malformed_response' | 'empty_response' | 'upstream_error' | 'timeout' | 'connection' | 'aborted'
>;

/**
 * The errors a ChatClient throws, and all that `classifyFailure` reads. A
 * client maps its transport's own errors to these, so the core never sees an
 * SDK's or n8n's error classes.
 */

/** The gateway answered with an HTTP error status; the core classifies it by that status. */
export class GatewayStatusError extends Error {
	constructor(
		readonly status: number,
		message: string,
		/** The response headers, for `Retry-After`. */
		readonly headers?: Headers,
	) {
		super(message);
		this.name = 'GatewayStatusError';
	}
}

/** A failure the client has already classified: no answer in time, a dropped connection, a body that cannot be used. */
export class GatewayError extends Error {
	constructor(
		readonly kind: ClientFailureKind,
		message: string,
		readonly status?: number,
	) {
		super(message);
		this.name = 'GatewayError';
	}
}
