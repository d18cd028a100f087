import type { Fault } from '../mock-gateway';
import { RouteError } from '../../nodes/RoutedChat/core/routeError';
import { routeChat } from '../../nodes/RoutedChat/core/routeChat';
import type { FailureKind, FallbackMode } from '../../nodes/RoutedChat/core/types';
import { fakeClock, gatewayFixture, plan, priced, requestedModels } from './support';

const A = 'first/model';
const B = 'second/model';
const C = 'third/model';
const BACKOFF = 500;
const RETRY_AT = Date.UTC(2026, 0, 1) + 4_000;

/** One row per fault, always on the first of three models. A new fault is one line. */
interface FaultCase {
	name: string;
	fault: Fault;
	kind: FailureKind;
	/** Worth another try (of this model, then the next); otherwise the chain stops at once. */
	retryable: boolean;
	/** The wait before the retry of the same model. */
	wait?: number;
	/** OpenRouter fails over within a `models` request for this fault (a status it can route around). */
	gatewayFailsOver?: boolean;
}

const matrix: FaultCase[] = [
	{ name: '429 with Retry-After in seconds', fault: { status: 429, retryAfter: '3' }, kind: 'rate_limited', retryable: true, wait: 3_000, gatewayFailsOver: true },
	{ name: '429 with Retry-After as an HTTP date', fault: { status: 429, retryAfter: new Date(RETRY_AT).toUTCString() }, kind: 'rate_limited', retryable: true, wait: 4_000, gatewayFailsOver: true },
	{ name: '429 without Retry-After', fault: { status: 429 }, kind: 'rate_limited', retryable: true, wait: BACKOFF, gatewayFailsOver: true },
	{ name: '500', fault: { status: 500 }, kind: 'server_error', retryable: true, wait: BACKOFF, gatewayFailsOver: true },
	{ name: '502', fault: { status: 502 }, kind: 'server_error', retryable: true, wait: BACKOFF, gatewayFailsOver: true },
	{ name: '503', fault: { status: 503 }, kind: 'server_error', retryable: true, wait: BACKOFF, gatewayFailsOver: true },
	{ name: '408', fault: { status: 408 }, kind: 'timeout', retryable: true, wait: BACKOFF, gatewayFailsOver: true },
	{ name: 'no answer (attempt timeout)', fault: { kind: 'hang' }, kind: 'timeout', retryable: true, wait: BACKOFF },
	{ name: 'connection reset mid-body', fault: { kind: 'reset' }, kind: 'connection', retryable: true, wait: BACKOFF },
	{ name: 'malformed JSON body', fault: { kind: 'malformed' }, kind: 'malformed_response', retryable: true, wait: BACKOFF },
	{ name: '200 with empty choices', fault: { kind: 'empty-choices' }, kind: 'empty_response', retryable: true, wait: BACKOFF },
	{ name: '200 with an error object', fault: { kind: 'error-in-200', code: 502, message: 'upstream failed' }, kind: 'upstream_error', retryable: true, wait: BACKOFF },
	{ name: '402 insufficient credit', fault: { status: 402 }, kind: 'insufficient_credit', retryable: false },
	{ name: '401 bad key', fault: { status: 401 }, kind: 'unauthorized', retryable: false },
	{ name: '403 moderation', fault: { status: 403, message: 'Input flagged by moderation' }, kind: 'forbidden', retryable: false },
	{ name: '400 context too long', fault: { status: 400, message: 'context length exceeded' }, kind: 'bad_request', retryable: false },
];

const modes: Array<{ label: string; mode: FallbackMode }> = [
	{ label: 'client fallback on', mode: 'client' },
	{ label: 'client fallback off (gateway only)', mode: 'gateway' },
];

const cases = matrix.flatMap((row) => modes.map((mode) => ({ ...row, ...mode })));

describe('fault matrix (core)', () => {
	const fixture = gatewayFixture([priced(A), priced(B), priced(C)]);

	it.each(cases)('$name, $label', async ({ fault, kind, retryable, wait, gatewayFailsOver, mode }) => {
		fixture.gateway.setModel(priced(A, { down: fault }));
		const clock = fakeClock();
		const chain = [A, B, C];
		const outcome = await routeChat(plan(chain, { fallbackMode: mode, policy: { ...plan([]).policy, attemptTimeoutMs: 200 } }), {
			client: fixture.client,
			clock,
		}).catch((error: unknown) => error);

		if (!retryable) {
			expect(outcome).toBeInstanceOf(RouteError);
			expect(outcome).toEqual(expect.objectContaining({ reason: kind }));
			expect((outcome as RouteError).attempts).toHaveLength(1);
			expect(requestedModels(fixture.gateway)).toEqual([mode === 'client' ? [A] : chain]);
			expect(clock.sleeps).toEqual([]);
			return;
		}
		if (mode === 'client') {
			expect(outcome).toEqual(expect.objectContaining({ model: B, fallbackUsed: true }));
			expect(requestedModels(fixture.gateway)).toEqual([[A], [A], [B]]);
			expect(clock.sleeps).toEqual([wait]);
			return;
		}
		if (gatewayFailsOver) {
			expect(outcome).toEqual(expect.objectContaining({ model: B, fallbackUsed: true }));
			expect(requestedModels(fixture.gateway)).toEqual([chain]);
			return;
		}
		// A broken answer is the gateway's whole reply: retried once, then the item fails naming the cause.
		expect(outcome).toBeInstanceOf(RouteError);
		const error = outcome as RouteError;
		expect(error.reason).toBe('exhausted');
		expect(error.attempts.map((attempt) => attempt.kind)).toEqual([kind, kind]);
		expect(error.message).toContain('Every model failed (2 attempts)');
		expect(requestedModels(fixture.gateway)).toEqual([chain, chain]);
		expect(clock.sleeps).toEqual([wait]);
	});
});
