import type { FailureKind } from './types';

/** A response that arrived with HTTP success but cannot be used. */
export class GatewayResponseError extends Error {
	constructor(
		readonly kind: Extract<FailureKind, 'malformed_response' | 'empty_response' | 'upstream_error'>,
		message: string,
		readonly status?: number,
	) {
		super(message);
		this.name = 'GatewayResponseError';
	}
}
