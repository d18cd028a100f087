import type { IExecuteFunctions, ILoadOptionsFunctions, ISupplyDataFunctions } from 'n8n-workflow';

import type { ChatClient } from '../core';
import type { GatewayCredentials } from './gatewayCredentials';
import { createHttpChatClient } from './httpChatClient';
import { n8nOpenStream, n8nSend } from './n8nSend';
import { scrubbedDeltas, scrubbedOpenStream, scrubbedSend } from './scrubbedExchange';

/** OpenRouter asks apps to identify themselves with these two headers. */
function attributionHeaders(credentials: GatewayCredentials): Record<string, string> {
	const headers: Record<string, string> = {};
	if (credentials.appUrl) headers['HTTP-Referer'] = credentials.appUrl;
	if (credentials.appName) headers['X-Title'] = credentials.appName;
	return headers;
}

/**
 * One client per execution, sending through n8n's authenticated HTTP helper; whatever the gateway
 * answers is read with the key scrubbed out (scrubbedExchange.ts).
 */
export function createGatewayClient(
	context: IExecuteFunctions | ILoadOptionsFunctions | ISupplyDataFunctions,
	credentials: GatewayCredentials,
): ChatClient {
	const secrets = [credentials.apiKey];
	const client = createHttpChatClient(
		scrubbedSend(n8nSend(context, credentials.decrypted), secrets),
		{
			baseUrl: credentials.baseUrl,
			headers: attributionHeaders(credentials),
			openRouter: credentials.openRouter,
		},
		scrubbedOpenStream(n8nOpenStream(context, credentials.decrypted), secrets),
	);
	return client.stream ? { ...client, stream: scrubbedDeltas(client.stream, secrets) } : client;
}
