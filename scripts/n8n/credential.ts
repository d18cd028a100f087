import type { Gateway } from './gateway';

/** The id and name the example workflows refer to; importing keeps both. */
export const DEMO_CREDENTIAL = { id: 'routedChatDemo01', name: 'OpenRouter (Routed Chat demo)' };

/**
 * `n8n import:credentials` takes the data decrypted in a plain JSON file and
 * encrypts it with the instance's key as it stores it.
 */
export function credentialFile(
	gateway: Gateway,
	credential: { id: string; name: string } = DEMO_CREDENTIAL,
): unknown[] {
	return [
		{
			...credential,
			type: 'routedChatOpenRouterApi',
			data: {
				apiKey: gateway.apiKey,
				baseUrl: gateway.baseUrl,
				// The mock plays OpenRouter on a loopback address.
				gatewayType: 'openRouter',
				appUrl: 'https://github.com/routed-chat/n8n-nodes-routed-chat',
				appName: 'n8n-nodes-routed-chat demo',
			},
		},
	];
}
