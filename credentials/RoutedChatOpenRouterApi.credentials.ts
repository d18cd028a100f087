import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class RoutedChatOpenRouterApi implements ICredentialType {
	name = 'routedChatOpenRouterApi';

	displayName = 'Routed Chat OpenRouter API';

	icon: Icon = { light: 'file:routedChat.svg', dark: 'file:routedChat.dark.svg' };

	documentationUrl = 'https://github.com/routed-chat/n8n-nodes-routed-chat#credential';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'An OpenRouter key (sk-or-…), or the key of the OpenAI-compatible gateway set below',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://openrouter.ai/api/v1',
			description:
				'OpenRouter, or any OpenAI-compatible endpoint (a LiteLLM proxy, a self-hosted gateway)',
		},
		{
			displayName: 'App URL',
			name: 'appUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com',
			description: 'Optional. Sent as HTTP-Referer so OpenRouter attributes usage to your app.',
		},
		{
			displayName: 'App Name',
			name: 'appName',
			type: 'string',
			default: '',
			placeholder: 'My n8n automations',
			description: 'Optional. Sent as X-Title so OpenRouter attributes usage to your app.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// GET /key answers 401 to a bad key; GET /models would pass without one.
	test: ICredentialTestRequest = {
		request: {
			// Trailing slashes trimmed by a linear pattern, as readGatewayCredentials does.
			baseURL: '={{$credentials.baseUrl.replace(/(?<!\\/)\\/+$/, "")}}',
			url: '/key',
		},
	};
}
