import { type IncomingMessage, request as httpRequest } from 'node:http';

import type { ChatClient } from '../../nodes/RoutedChat/core';
import type { TimeoutSignal } from '../../nodes/RoutedChat/transport/attemptTimeout';
import {
	type HttpOpenStream,
	type HttpSend,
	toHeaders,
} from '../../nodes/RoutedChat/transport/httpExchange';
import { createHttpChatClient } from '../../nodes/RoutedChat/transport/httpChatClient';

/**
 * The production transport's HttpSend, played by node:http instead of n8n's
 * helper (which needs a running n8n): it adds the bearer key as the
 * credential's `authenticate` does, closes the socket when the signal aborts,
 * and rejects when the response breaks off.
 */
export function nodeHttpSend(apiKey: string): HttpSend {
	return (request) =>
		new Promise((resolve, reject) => {
			send(apiKey, request, reject, (response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('error', reject);
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						headers: toHeaders(response.headers),
						body: Buffer.concat(chunks).toString('utf8'),
					}),
				);
			});
		});
}

/** nodeHttpSend for `stream: true`: resolves at the headers, with the response itself as the body. */
export function nodeHttpOpenStream(apiKey: string): HttpOpenStream {
	return (request) =>
		new Promise((resolve, reject) => {
			send(apiKey, request, reject, (response) =>
				resolve({
					status: response.statusCode ?? 0,
					headers: toHeaders(response.headers),
					body: response,
				}),
			);
		});
}

/** One request with the bearer key, closed when its signal aborts or its socket times out. */
function send(
	apiKey: string,
	request: Parameters<HttpSend>[0],
	reject: (error: Error) => void,
	onResponse: (response: IncomingMessage) => void,
): void {
	const outgoing = httpRequest(
		request.url,
		{
			method: request.method,
			headers: { ...request.headers, authorization: `Bearer ${apiKey}` },
			signal: request.signal,
			timeout: request.timeoutMs,
		},
		onResponse,
	);
	outgoing.on('timeout', () => outgoing.destroy(new Error('socket timeout')));
	outgoing.on('error', reject);
	outgoing.end(request.body === undefined ? undefined : JSON.stringify(request.body));
}

/**
 * The ChatClient the node builds, on a loopback gateway: the mock speaks OpenRouter unless told
 * otherwise; its attempts end by the timer unless a test brings its own timeouts (manualTimeouts.ts).
 */
export function loopbackChatClient(
	gateway: { baseUrl: string; apiKey: string },
	openRouter = true,
	timeoutSignal?: TimeoutSignal,
): ChatClient {
	return createHttpChatClient(
		nodeHttpSend(gateway.apiKey),
		{ baseUrl: gateway.baseUrl, headers: {}, openRouter },
		nodeHttpOpenStream(gateway.apiKey),
		timeoutSignal,
	);
}

/** The same HttpSend over the global fetch: what the bench compares with the openai SDK, which also uses it. */
export function fetchSend(apiKey: string): HttpSend {
	return async (request) => {
		const response = await fetch(request.url, {
			method: request.method,
			headers: { ...request.headers, authorization: `Bearer ${apiKey}` },
			body: request.body === undefined ? undefined : JSON.stringify(request.body),
			signal: request.signal,
		});
		return { status: response.status, headers: response.headers, body: await response.text() };
	};
}

/** The node's ChatClient over the global fetch, for the bench. */
export function fetchChatClient(gateway: { baseUrl: string; apiKey: string }): ChatClient {
	return createHttpChatClient(fetchSend(gateway.apiKey), {
		baseUrl: gateway.baseUrl,
		headers: {},
		openRouter: true,
	});
}
