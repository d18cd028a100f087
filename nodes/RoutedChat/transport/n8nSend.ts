import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	ISupplyDataFunctions,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './credentialType';
import { type HttpOpenStream, type HttpRequest, type HttpSend, toHeaders } from './httpExchange';

type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | ISupplyDataFunctions;

interface FullResponse {
	body: unknown;
	headers: Record<string, unknown>;
	statusCode: number;
}

/**
 * Sends through n8n's `httpRequestWithAuthentication`, so the credential's
 * `authenticate` adds the key (never handled here) and n8n's proxy and SSRF
 * settings apply. Every status comes back as a response, a redirect too
 * (readErrorResponse.ts). Given the credential
 * read once per execution, n8n does not read and decrypt it again per request.
 */
export function n8nSend(context: RequestContext, credentials: ICredentialsDecrypted): HttpSend {
	const open = n8nRequest(context, credentials, 'text');
	return async (request) => {
		const response = await open(request);
		return withHeaders(response, bodyText(response.body));
	};
}

/** The same request with the body as a stream (n8n's `encoding: 'stream'`), for `stream: true` answers. */
export function n8nOpenStream(
	context: RequestContext,
	credentials: ICredentialsDecrypted,
): HttpOpenStream {
	const open = n8nRequest(context, credentials, 'stream');
	return async (request) => {
		const response = await open(request);
		return withHeaders(response, response.body as AsyncIterable<Uint8Array>);
	};
}

function n8nRequest(
	context: RequestContext,
	credentials: ICredentialsDecrypted,
	encoding: 'text' | 'stream',
) {
	const helperThis = withoutCancelOverride(context);
	return async (request: HttpRequest): Promise<FullResponse> => {
		const options: IHttpRequestOptions = {
			url: request.url,
			method: request.method,
			headers: request.headers,
			// An object, not its JSON text: axios would parse a JSON string body again before sending it.
			body: request.body as IDataObject | undefined,
			encoding,
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			// The key goes to the Base URL only: n8n's helper would send it on to another origin.
			disableFollowRedirect: true,
			timeout: request.timeoutMs,
			abortSignal: request.signal,
		};
		return (await context.helpers.httpRequestWithAuthentication.call(
			helperThis,
			CREDENTIAL_TYPE,
			options,
			{ credentialsDecrypted: credentials },
		)) as FullResponse;
	};
}

/** The response with its headers made a Headers object only when read: only an error status reads them. */
function withHeaders<Body>(
	response: FullResponse,
	body: Body,
): { status: number; headers: Headers; body: Body } {
	let headers: Headers | undefined;
	return {
		status: response.statusCode,
		get headers() {
			return (headers ??= toHeaders(response.headers));
		},
		body,
	};
}

/**
 * n8n's helper replaces a request's `abortSignal` with the execution's cancel
 * signal whenever the `this` it runs on has `getExecutionCancelSignal`
 * (n8n-core 2.41, request-helpers/authentication). The attempt's own signal
 * already follows that cancel signal, and also fires at the attempt's timeout
 * and when the node stops its other items after a failure; so the helper runs
 * on a view of the context without that method, and an aborted attempt closes
 * its socket at once instead of at the helper's timeout.
 */
function withoutCancelOverride(context: RequestContext): RequestContext {
	const view = {
		getNode: () => context.getNode(),
		getCredentials: context.getCredentials.bind(context),
		helpers: context.helpers,
		logger: context.logger,
	};
	return view as unknown as RequestContext;
}

function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (body instanceof ArrayBuffer || ArrayBuffer.isView(body))
		return new TextDecoder().decode(body);
	return JSON.stringify(body);
}
