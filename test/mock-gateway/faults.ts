import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { ChatCompletionWire } from './chatCompletionBody';
import { errorBody, sendError, sendJson, sendJsonText } from './http';
import type { Fault, StatusFault, StreamFault } from './types';

/** A fault that shows in the gateway's own answer rather than as a model failure. */
export type Misbehaviour = Exclude<Fault, StatusFault | StreamFault>;

export function isStatusFault(fault: Fault): fault is StatusFault {
	return 'status' in fault;
}

export function isStreamFault(fault: Fault): fault is StreamFault {
	return 'kind' in fault && (fault.kind === 'stream-error' || fault.kind === 'stream-drop');
}

/** A model's status fault as the gateway reports it: with the provider that failed, when it passes on a raw error. */
export type ReportedStatusFault = StatusFault & { provider?: string };

export function sendStatusFault(res: ServerResponse, fault: ReportedStatusFault): void {
	const headers = fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter };
	sendError(
		res,
		fault.status,
		fault.message ?? STATUS_CODES[fault.status] ?? `HTTP ${fault.status}`,
		headers,
		fault.raw === undefined ? undefined : { provider_name: fault.provider, raw: fault.raw },
	);
}

/** Answers with a broken 200; `completion` is what the model would have answered. */
export function sendMisbehaviour(
	res: ServerResponse,
	fault: Misbehaviour,
	completion: ChatCompletionWire,
	onHang?: () => void,
): void {
	switch (fault.kind) {
		case 'hang':
			// The socket stays open until the client aborts or the gateway closes.
			return onHang?.();
		case 'reset':
			return sendTruncated(res, JSON.stringify(completion));
		case 'malformed':
			return sendJsonText(res, 200, '<html><body><h1>502 Bad Gateway</h1></body></html>');
		case 'empty-choices':
			return sendJson(res, 200, { ...completion, choices: [] });
		case 'error-in-200':
			return sendJson(
				res,
				200,
				errorBody(fault.code ?? 502, fault.message ?? 'Provider returned error'),
			);
	}
}

/** Promises the whole body, sends half of it, then drops the connection. */
function sendTruncated(res: ServerResponse, body: string): void {
	res.writeHead(200, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(body),
	});
	res.write(body.slice(0, Math.floor(body.length / 2)), () => res.destroy());
}
