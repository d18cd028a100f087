import { type CallOptions, GatewayError, GatewayStatusError, settle } from '../core';
import type { TimeoutSignal } from './attemptTimeout';
import type { HttpRequest, HttpResponse } from './httpExchange';

/** The sender's own timeout only backs up the attempt's timeout, which fires first. */
const BACKSTOP_MS = 1_000;

/**
 * Sends one request within the attempt's time limit and the caller's cancel
 * signal, both passed down as one signal that closes the connection, until
 * `send` settles (a stream's reader included). A failure to get a whole
 * response becomes the core's timeout, aborted or connection error, told apart
 * by which signal fired; a gateway's own error, as `send` read it, stays itself.
 */
export async function sendAttempt<Response = HttpResponse>(
	send: (request: HttpRequest) => Promise<Response>,
	request: Omit<HttpRequest, 'signal' | 'timeoutMs'>,
	options: CallOptions,
	timeoutSignal: TimeoutSignal,
): Promise<Response> {
	const timeout = timeoutSignal(options.timeoutMs);
	const { signal, release } = either(options.signal, timeout);
	const outcome = await settle(
		send({ ...request, signal, timeoutMs: options.timeoutMs + BACKSTOP_MS }),
	);
	release();
	if (outcome.ok) return outcome.value;
	if (options.signal?.aborted) throw new GatewayError('aborted', 'Cancelled');
	if (timeout.aborted) {
		throw new GatewayError(
			'timeout',
			`No answer within the ${options.timeoutMs} ms attempt timeout`,
		);
	}
	if (outcome.error instanceof GatewayError || outcome.error instanceof GatewayStatusError)
		throw outcome.error;
	throw new GatewayError('connection', `Connection failed: ${causeOf(outcome.error)}`);
}

/**
 * AbortSignal.any([caller, timeout]) by listeners that the attempt removes when
 * it ends: a composite signal with a timeout among its sources stays on the heap
 * until the timer fires (about 0.8 KB per attempt for the whole attempt timeout),
 * so a long batch sharing the execution's signal grew with every item.
 */
function either(
	caller: AbortSignal | undefined,
	timeout: AbortSignal,
): { signal: AbortSignal; release: () => void } {
	if (!caller) return { signal: timeout, release: () => {} };
	const attempt = new AbortController();
	const abort = () => attempt.abort(caller.aborted ? caller.reason : timeout.reason);
	if (caller.aborted) abort();
	caller.addEventListener('abort', abort, { once: true });
	timeout.addEventListener('abort', abort, { once: true });
	return {
		signal: attempt.signal,
		release: () => {
			caller.removeEventListener('abort', abort);
			timeout.removeEventListener('abort', abort);
		},
	};
}

/**
 * A system error code (ECONNRESET, ECONNREFUSED, EAI_AGAIN…) wherever the
 * sender's error chain keeps one (n8n wraps axios's error, which wraps the
 * socket's), else the innermost message, e.g. axios's "stream has been aborted".
 * Axios's own codes (ERR_BAD_RESPONSE…) say less than either.
 */
function causeOf(error: unknown): string {
	let innermost = error;
	for (let current = error, depth = 0; current instanceof Object && depth < 4; depth++) {
		const { code, cause } = current as { code?: unknown; cause?: unknown };
		if (typeof code === 'string' && isSystemCode(code)) return code;
		innermost = current;
		current = cause;
	}
	return innermost instanceof Error ? innermost.message : String(innermost);
}

function isSystemCode(code: string): boolean {
	return /^E[A-Z_]+$/.test(code) && !code.startsWith('ERR_');
}
