import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { baseUrlProblem } from '../nodes/RoutedChat/transport/baseUrl';
import { DEFAULT_BASE_URL } from '../nodes/RoutedChat/transport/gatewayCredentials';

/** An n8n expression: the Base URL as normalizedBaseUrl in baseUrl.ts gives it, its query included. */
const BASE_URL = `String($credentials.baseUrl || "${DEFAULT_BASE_URL}").trim().split("#")[0]`;

/** The Base URL's path, without trailing slashes (a linear pattern, as normalizedBaseUrl's). */
const BASE_PATH = `${BASE_URL}.split("?")[0].replace(/(?<!\\/)\\/+$/, "")`;

/** "?" and the Base URL's query, which every request carries after its path (underBaseUrl), or "". */
const BASE_QUERY = `((query) => query ? "?" + query : "")(${BASE_URL}.split("?").slice(1).join("?"))`;

/**
 * An n8n expression: true when the credential's gateway is OpenRouter, by the same steps as
 * speaksOpenRouter in baseUrl.ts (a host under openrouter.ai, or this machine at /api/v1).
 */
const IS_OPENROUTER = `($credentials.gatewayType === "openRouter" || (($credentials.gatewayType || "auto") === "auto" && ((parts) => { const authority = parts[2] || ""; const host = (authority.startsWith("[") ? authority.slice(0, authority.indexOf("]") + 1) : authority.split(":")[0]).toLowerCase(); return ("." + host).endsWith(".openrouter.ai") || ((host === "localhost" || host === "[::1]" || /^127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$/.test(host)) && parts.slice(3).join("/") === "api/v1"); })(${BASE_PATH}.split("/"))))`;

/** The Base URL checked last and its verdict: every request of a run checks the same one. */
let lastChecked: { baseUrl: string; problem: string | undefined } | undefined;

function checkedBaseUrl(baseUrl: string): string | undefined {
	if (lastChecked?.baseUrl !== baseUrl) lastChecked = { baseUrl, problem: baseUrlProblem(baseUrl) };
	return lastChecked.problem;
}

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
			default: DEFAULT_BASE_URL,
			description:
				"OpenRouter, or any OpenAI-compatible endpoint (a LiteLLM proxy, vLLM, a company gateway). https:// only, except for a gateway on this machine (localhost, 127.0.0.1, ::1): http:// would send the key in clear text. Other gateways get only OpenAI's request fields: see Gateway.",
		},
		{
			displayName: 'Gateway',
			name: 'gatewayType',
			type: 'options',
			options: [
				{
					name: 'Detect From Base URL',
					value: 'auto',
					description:
						"OpenRouter when the host is openrouter.ai, or a gateway on this machine at OpenRouter's path /api/v1 (a local proxy or stand-in); otherwise OpenAI-compatible",
				},
				{
					name: 'OpenAI-Compatible',
					value: 'openAiCompatible',
					description:
						"OpenAI's request fields only. Fallback models are tried one per request by the node, the gateway reports no cost (prices come from its model list when it gives them), provider preferences are not sent, and reasoning effort goes as reasoning_effort. Test asks GET /models.",
				},
				{
					name: 'OpenRouter',
					value: 'openRouter',
					description:
						'OpenRouter, or a proxy in front of it: also sends its usage accounting, models (gateway fallback), provider and reasoning fields. Test asks GET /key.',
				},
			],
			default: 'auto',
			description: 'Which request fields the gateway accepts',
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

	/** The bearer key, refused on a request that would carry it in clear text off this machine. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		// The Base URL is what to fix; the request URL also covers other nodes that use this credential.
		// A URL under the Base URL has the Base URL's scheme and host, so its check covers it.
		const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL);
		const requestUrl = `${requestOptions.baseURL ?? ''}${requestOptions.url}`;
		const problem =
			checkedBaseUrl(baseUrl) ??
			(requestUrl.startsWith(`${baseUrl}/`)
				? undefined
				: baseUrlProblem(requestUrl, 'Request URL'));
		if (problem) throw new UserError(problem);
		return {
			...requestOptions,
			// Trimmed as the node reads it: a pasted space or line break would make a different key.
			headers: {
				...requestOptions.headers,
				Authorization: `Bearer ${String(credentials.apiKey).trim()}`,
			},
		};
	}

	// OpenRouter's GET /models passes without a key, so there GET /key checks it; other gateways have no /key.
	test: ICredentialTestRequest = {
		request: {
			// The Base URL as the node uses it: trimmed, the default when empty, its query after the path.
			baseURL: `={{ ${BASE_PATH} }}`,
			url: `={{ (${IS_OPENROUTER} ? "/key" : "/models") + ${BASE_QUERY} }}`,
			// The key goes to the Base URL only: n8n's helper would send it on to wherever a redirect points.
			disableFollowRedirect: true,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'The key was refused (401): check the API Key, and that it belongs to the gateway at the Base URL',
				},
			},
			...[301, 302, 303, 307, 308].map((value) => ({
				type: 'responseCode' as const,
				properties: {
					value,
					message: `The gateway answered ${value} (a redirect), not followed: the key goes only to the Base URL. Set the Base URL to the address it redirects to`,
				},
			})),
		],
	};
}
