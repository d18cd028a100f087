import { underBaseUrl } from './baseUrl';
import type { GatewayConfig } from './httpChatClient';
import type { HttpRequest } from './httpExchange';

/** One request to the gateway: the path under its Base URL, its headers, and a JSON body if any. */
export function gatewayRequest(
	config: GatewayConfig,
	method: HttpRequest['method'],
	path: string,
	body: object | undefined,
	accept = 'application/json',
): Omit<HttpRequest, 'signal' | 'timeoutMs'> {
	const headers: Record<string, string> = { accept, ...config.headers };
	if (body !== undefined) headers['content-type'] = 'application/json';
	return {
		method,
		url: underBaseUrl(config.baseUrl, path),
		headers,
		body,
	};
}
