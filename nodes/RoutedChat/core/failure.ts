import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

import { GatewayError } from './gatewayError';
import { retryAfterMs } from './retryAfter';
import type { FailureKind } from './types';

/** What went wrong with one attempt, and what the routing policy may do about it. */
export interface Failure {
	kind: FailureKind;
	message: string;
	status?: number;
	retryAfterMs?: number;
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

/** Classifies on the openai SDK's typed errors and our own, never on message text. */
export function classifyFailure(error: unknown, now: number): Failure {
	if (error instanceof GatewayError) {
		return { kind: error.kind, message: error.message, status: error.status };
	}
	if (error instanceof APIUserAbortError) return { kind: 'aborted', message: 'Cancelled' };
	if (error instanceof APIConnectionTimeoutError)
		return { kind: 'timeout', message: 'Timed out waiting for the gateway' };
	if (error instanceof APIConnectionError) {
		return { kind: 'connection', message: `Connection failed: ${causeOf(error)}` };
	}
	if (error instanceof APIError && typeof error.status === 'number') {
		return {
			kind: kindOfStatus(error.status),
			message: error.message,
			status: error.status,
			retryAfterMs: retryAfterMs(error.headers, now),
		};
	}
	// Matched by name: these come from the runtime's own realm (undici, JSON.parse), where instanceof can fail.
	const name = (error as Error | undefined)?.name;
	if (name === 'SyntaxError')
		return {
			kind: 'malformed_response',
			message: `Malformed response: ${(error as Error).message}`,
		};
	// The SDK reads the body after fetch resolves; a socket closed mid-body surfaces as a plain TypeError.
	if (name === 'TypeError')
		return { kind: 'connection', message: `Connection failed: ${causeOf(error as Error)}` };
	return { kind: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}

function causeOf(error: Error): string {
	const cause = error.cause;
	if (cause instanceof Error) return (cause as NodeJS.ErrnoException).code ?? cause.message;
	return error.message;
}
