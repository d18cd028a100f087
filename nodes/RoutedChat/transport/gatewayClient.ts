import type { IExecuteFunctions, ILoadOptionsFunctions, ISupplyDataFunctions } from 'n8n-workflow';

import { type ChatClient, createOpenAiChatClient } from '../core';
import type { GatewayCredentials } from './gatewayCredentials';
import { n8nFetch } from './n8nFetch';

/** OpenRouter asks apps to identify themselves with these two headers. */
function attributionHeaders(credentials: GatewayCredentials): Record<string, string> {
	const headers: Record<string, string> = {};
	if (credentials.appUrl) headers['HTTP-Referer'] = credentials.appUrl;
	if (credentials.appName) headers['X-Title'] = credentials.appName;
	return headers;
}

/** One client per execution: the openai SDK over n8n's authenticated HTTP helper. */
export function createGatewayClient(
	context: IExecuteFunctions | ILoadOptionsFunctions | ISupplyDataFunctions,
	credentials: GatewayCredentials,
): ChatClient {
	return createOpenAiChatClient({
		baseUrl: credentials.baseUrl,
		apiKey: 'placeholder: the n8n credential sets the key',
		headers: attributionHeaders(credentials),
		fetch: n8nFetch(context, credentials.decrypted),
	});
}
