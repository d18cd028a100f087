import type { FailureKind } from './types';

/** A failure the client has already classified: a body that cannot be used, or an attempt that ran out of time. */
export class GatewayError extends Error {
	constructor(
		readonly kind: Extract<
			FailureKind,
			'malformed_response' | 'empty_response' | 'upstream_error' | 'timeout'
		>,
		message: string,
		readonly status?: number,
	) {
		super(message);
		this.name = 'GatewayError';
	}
}
