import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	ISupplyDataFunctions,
} from 'n8n-workflow';

import { type HttpOpenStream, type HttpRequest, type HttpSend, toHeaders } from './httpExchange';

type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | ISupplyDataFunctions;

interface FullResponse {
	body: unknown;
	headers: Record<string, unknown>;
	statusCode: number;
}

/**
 * Sends through n8n's `httpRequest` helper, so n8n's proxy, SSRF and tracing
 * settings apply; every status comes back as a response. The key, read once
 * per execution with the credential, goes in the Authorization header as the
 * credential's `authenticate` would put it: n8n's `httpRequestWithAuthentication`
 * would run the credential's pre-authentication and `authenticate` (two URL
 * checks and a copy of the request) again for every request. The Base URL was
 * checked once when the credential was read (gatewayCredentials.ts), and
 * requests go nowhere else.
 */
export function n8nSend(context: RequestContext, apiKey: string): HttpSend {
	const open = n8nRequest(context, apiKey, 'text');
	return async (request) => {
		const response = await open(request);
		return { ...response, body: bodyText(response.body) };
	};
}

/** The same request with the body as a stream (n8n's `encoding: 'stream'`), for `stream: true` answers. */
export function n8nOpenStream(context: RequestContext, apiKey: string): HttpOpenStream {
	const open = n8nRequest(context, apiKey, 'stream');
	return async (request) => {
		const response = await open(request);
		return { ...response, body: response.body as AsyncIterable<Uint8Array> };
	};
}

/**
 * The request's own signal aborts it: `httpRequest`, unlike the authenticated
 * helper, does not replace it with the execution's cancel signal, which the
 * attempt's signal already follows besides the attempt's deadline.
 */
function n8nRequest(context: RequestContext, apiKey: string, encoding: 'text' | 'stream') {
	const authorization = `Bearer ${apiKey}`;
	return async (
		request: HttpRequest,
	): Promise<{ status: number; headers: Headers; body: unknown }> => {
		const options: IHttpRequestOptions = {
			url: request.url,
			method: request.method,
			headers: { ...request.headers, Authorization: authorization },
			body: request.body,
			encoding,
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: request.timeoutMs,
			abortSignal: request.signal,
		};
		const response = (await context.helpers.httpRequest(options)) as FullResponse;
		return {
			status: response.statusCode,
			headers: toHeaders(response.headers),
			body: response.body,
		};
	};
}

function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (body instanceof ArrayBuffer || ArrayBuffer.isView(body))
		return new TextDecoder().decode(body);
	return JSON.stringify(body);
}
