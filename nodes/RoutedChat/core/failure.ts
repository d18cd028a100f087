import { GatewayError, GatewayStatusError } from './gatewayError';
import { retryAfterMs } from './retryAfter';
import type { FailureKind } from './types';

/** What went wrong with one attempt, and what the routing policy may do about it. */
export interface Failure {
	kind: FailureKind;
	message: string;
	status?: number;
	/** The gateway refused the request with an error status, so nothing was billed. */
	refused?: true;
	retryAfterMs?: number;
	/** False when the same request is known to fail the same way again, whatever its kind. */
	sameAgain?: false;
}

interface KindPolicy {
	/** Another try of the same model may succeed. */
	retrySameModel: boolean;
	/** Another model may succeed where this one failed. */
	failOver: boolean;
}

const stop: KindPolicy = { retrySameModel: false, failOver: false };
const transient: KindPolicy = { retrySameModel: true, failOver: true };

/**
 * Failures the caller must fix (bad request, key, credit, moderation) stop the
 * chain: walking it would fail the same way on every model, or hide the cause.
 */
export const kindPolicy: Record<FailureKind, KindPolicy> = {
	rate_limited: transient,
	server_error: transient,
	timeout: transient,
	connection: transient,
	malformed_response: transient,
	empty_response: transient,
	upstream_error: transient,
	model_unavailable: { retrySameModel: false, failOver: true },
	invalid_output: { retrySameModel: false, failOver: true },
	bad_request: stop,
	unauthorized: stop,
	insufficient_credit: stop,
	forbidden: stop,
	aborted: stop,
	unexpected: stop,
};

function kindOfStatus(status: number): FailureKind {
	if (status === 429) return 'rate_limited';
	if (status === 408) return 'timeout';
	if (status === 401) return 'unauthorized';
	if (status === 402) return 'insufficient_credit';
	if (status === 403) return 'forbidden';
	if (status === 404) return 'model_unavailable';
	if (status >= 500) return 'server_error';
	return 'bad_request';
}

/** Classifies on the core's own error types (gatewayError.ts), never on message text. */
export function classifyFailure(error: unknown, now: number): Failure {
	if (error instanceof GatewayStatusError) {
		return {
			kind: kindOfStatus(error.status),
			message: error.message,
			status: error.status,
			refused: true,
			retryAfterMs: retryAfterMs(error.headers, now),
		};
	}
	if (error instanceof GatewayError) {
		return { kind: error.kind, message: error.message, status: error.status };
	}
	return { kind: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}
