import type { FailureKind } from '../nodes/RoutedChat/core/types';
import type { Fault } from './mock-gateway';

/** The first retry's backoff in the default retry policy. */
export const BACKOFF = 500;
/** Four seconds after the fake clock's start (test/core/support.ts). */
export const RETRY_AT = Date.UTC(2026, 0, 1) + 4_000;

export interface FaultCase {
	name: string;
	fault: Fault;
	kind: FailureKind;
	/** Worth another try (of this model, then the next); otherwise the chain stops at once. */
	retryable: boolean;
	/** The wait before the retry of the same model. */
	wait?: number;
	/** OpenRouter fails over within a `models` request for this fault: any status but the account's (401, 402). */
	gatewayFailsOver?: boolean;
}

/** The faults every layer is tested against, each on the first model of a chain; a new fault is one line. */
export const faultCases: FaultCase[] = [
	{
		name: '429 with Retry-After in seconds',
		fault: { status: 429, retryAfter: '3' },
		kind: 'rate_limited',
		retryable: true,
		wait: 3_000,
		gatewayFailsOver: true,
	},
	{
		name: '429 with Retry-After as an HTTP date',
		fault: { status: 429, retryAfter: new Date(RETRY_AT).toUTCString() },
		kind: 'rate_limited',
		retryable: true,
		wait: 4_000,
		gatewayFailsOver: true,
	},
	{
		name: '429 without Retry-After',
		fault: { status: 429 },
		kind: 'rate_limited',
		retryable: true,
		wait: BACKOFF,
		gatewayFailsOver: true,
	},
	{
		name: '500',
		fault: { status: 500 },
		kind: 'server_error',
		retryable: true,
		wait: BACKOFF,
		gatewayFailsOver: true,
	},
	{
		name: '502',
		fault: { status: 502 },
		kind: 'server_error',
		retryable: true,
		wait: BACKOFF,
		gatewayFailsOver: true,
	},
	{
		name: '503',
		fault: { status: 503 },
		kind: 'server_error',
		retryable: true,
		wait: BACKOFF,
		gatewayFailsOver: true,
	},
	{
		name: '408',
		fault: { status: 408 },
		kind: 'timeout',
		retryable: true,
		wait: BACKOFF,
		gatewayFailsOver: true,
	},
	{
		name: 'no answer (attempt timeout)',
		fault: { kind: 'hang' },
		kind: 'timeout',
		retryable: true,
		wait: BACKOFF,
	},
	{
		name: 'connection reset mid-body',
		fault: { kind: 'reset' },
		kind: 'connection',
		retryable: true,
		wait: BACKOFF,
	},
	{
		name: 'malformed JSON body',
		fault: { kind: 'malformed' },
		kind: 'malformed_response',
		retryable: true,
		wait: BACKOFF,
	},
	{
		name: '200 with empty choices',
		fault: { kind: 'empty-choices' },
		kind: 'empty_response',
		retryable: true,
		wait: BACKOFF,
	},
	{
		name: '200 with an error object',
		fault: { kind: 'error-in-200', code: 502, message: 'upstream failed' },
		kind: 'upstream_error',
		retryable: true,
		wait: BACKOFF,
	},
	{
		name: '402 insufficient credit',
		fault: { status: 402 },
		kind: 'insufficient_credit',
		retryable: false,
	},
	{ name: '401 bad key', fault: { status: 401 }, kind: 'unauthorized', retryable: false },
	{
		name: '403 moderation',
		fault: { status: 403, message: 'Input flagged by moderation' },
		kind: 'forbidden',
		retryable: false,
		// OpenRouter's docs: context length and moderation errors trigger its model fallbacks.
		gatewayFailsOver: true,
	},
	{
		name: '400 context too long',
		fault: { status: 400, message: 'context length exceeded' },
		kind: 'bad_request',
		retryable: false,
		// OpenRouter's docs: context length and moderation errors trigger its model fallbacks.
		gatewayFailsOver: true,
	},
];
