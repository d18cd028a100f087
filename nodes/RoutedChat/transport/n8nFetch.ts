import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	ISupplyDataFunctions,
} from 'n8n-workflow';

import type { AttemptRequestInit } from '../core';
import { CREDENTIAL_TYPE } from './credentialType';

type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | ISupplyDataFunctions;

interface FullResponse {
	body: ArrayBuffer | Buffer | undefined;
	headers: Record<string, string | string[] | undefined>;
	statusCode: number;
	statusMessage?: string;
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * A fetch for the openai SDK that sends through n8n's own HTTP helper, so the
 * credential's `authenticate` adds the key (never handled here) and n8n's
 * proxy and SSRF settings apply. Every status comes back as a Response for the
 * SDK to classify. Given the credential read once per execution, the helper
 * does not read and decrypt it from the database again for each request.
 *
 * n8n's helper replaces a request's abort signal with the execution's cancel
 * signal, so a per-attempt abort is honoured here instead: the attempt's time
 * limit goes to n8n as the request timeout (which closes the socket), and an
 * abort rejects at once.
 */
export function n8nFetch(
	context: RequestContext,
	credentials?: ICredentialsDecrypted,
): typeof fetch {
	return async (input, init?: AttemptRequestInit) => {
		const headers = new Headers(init?.headers);
		// The SDK sets a placeholder bearer; the credential sets the real one.
		headers.delete('authorization');
		const options: IHttpRequestOptions = {
			url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
			method: (init?.method ?? 'GET') as IHttpRequestMethods,
			headers: Object.fromEntries(headers) as IDataObject,
			body: typeof init?.body === 'string' ? init.body : undefined,
			encoding: 'arraybuffer',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: init?.attemptTimeoutMs,
		};
		const request = context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_TYPE,
			options,
			credentials && { credentialsDecrypted: credentials },
		);
		const response = (await abortable(request, init?.signal ?? undefined)) as FullResponse;
		return new Response(
			NULL_BODY_STATUSES.has(response.statusCode) ? null : toBytes(response.body),
			{
				status: response.statusCode,
				statusText: response.statusMessage,
				headers: toHeaders(response.headers),
			},
		);
	};
}

function toBytes(body: FullResponse['body']): ArrayBuffer | Uint8Array<ArrayBuffer> | null {
	if (!body) return null;
	return body instanceof ArrayBuffer ? body : new Uint8Array(body);
}

function toHeaders(raw: FullResponse['headers']): Headers {
	const headers = new Headers();
	for (const [name, value] of Object.entries(raw ?? {})) {
		if (value === undefined) continue;
		for (const single of Array.isArray(value) ? value : [String(value)])
			headers.append(name, single);
	}
	return headers;
}

/** Settles with the request, or rejects as the signal aborts, whichever comes first. */
async function abortable<T>(request: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
	if (!signal) return await request;
	signal.throwIfAborted();
	let onAbort = () => {};
	const aborted = new Promise<never>((_, reject) => {
		onAbort = () => reject(signal.reason);
		signal.addEventListener('abort', onAbort, { once: true });
	});
	// The abandoned request still settles later (n8n's timeout closes it); nothing waits for it.
	request.catch(() => undefined);
	try {
		return await Promise.race([request, aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}
