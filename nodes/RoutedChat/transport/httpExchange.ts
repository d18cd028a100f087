/**
 * One HTTP exchange as the gateway client needs it. n8n's authenticated helper
 * sends it in production (n8nSend.ts); tests send it with node:http, so the
 * request building, reading and error mapping they exercise are the real ones.
 */
export interface HttpRequest {
	method: 'GET' | 'POST';
	url: string;
	headers: Record<string, string>;
	/** A JSON body, serialized by the sender: n8n's helper hands it to axios as it is. */
	body?: object;
	/** Aborting it closes the connection. */
	signal: AbortSignal;
	/** A backstop after which the sender gives up by itself. */
	timeoutMs: number;
}

export interface HttpResponse {
	status: number;
	headers: Headers;
	body: string;
}

/** Resolves with any status; rejects only when no whole response arrived. */
export type HttpSend = (request: HttpRequest) => Promise<HttpResponse>;

/** A response whose body is read as it arrives (server-sent events). */
export interface HttpStreamResponse {
	status: number;
	headers: Headers;
	body: AsyncIterable<Uint8Array | string>;
}

/** Resolves once the status and headers are in. */
export type HttpOpenStream = (request: HttpRequest) => Promise<HttpStreamResponse>;

/** Node's and axios's header records as a Headers object. */
export function toHeaders(raw: Record<string, unknown> | undefined): Headers {
	const headers = new Headers();
	for (const [name, value] of Object.entries(raw ?? {})) {
		if (value === undefined || value === null) continue;
		for (const single of Array.isArray(value) ? value : [value])
			headers.append(name, String(single));
	}
	return headers;
}
