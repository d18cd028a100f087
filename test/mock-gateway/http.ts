import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { RecordedRequest } from './types';

/** One request being answered, with its record in `MockGateway.requests`. */
export interface Exchange {
	req: IncomingMessage;
	res: ServerResponse;
	recorded: RecordedRequest;
}

/** OpenRouter's error body. */
export interface ErrorBody {
	error: { code: number; message: string; metadata?: Record<string, unknown> };
}

export function errorBody(
	code: number,
	message: string,
	metadata?: Record<string, unknown>,
): ErrorBody {
	return { error: { code, message, ...(metadata && { metadata }) } };
}

export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: OutgoingHttpHeaders = {},
): void {
	sendJsonText(res, status, JSON.stringify(body), headers);
}

/** Sends text declared as JSON, whether or not it is. */
export function sendJsonText(
	res: ServerResponse,
	status: number,
	text: string,
	headers: OutgoingHttpHeaders = {},
): void {
	res.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

export function sendError(
	res: ServerResponse,
	status: number,
	message: string,
	headers: OutgoingHttpHeaders = {},
	metadata?: Record<string, unknown>,
): void {
	sendJson(res, status, errorBody(status, message, metadata), headers);
}

/** The parsed JSON body; undefined when there is none or it is not JSON. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	try {
		return text === '' ? undefined : JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** Node already lower-cases header names; this flattens repeated headers into one string. */
export function flatHeaders(req: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}
