import type {
	ICredentialsDecrypted,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	ISupplyDataFunctions,
} from 'n8n-workflow';

import { ParameterError } from '../plan/parameterError';
import { baseUrlProblem, type GatewayType, normalizedBaseUrl, speaksOpenRouter } from './baseUrl';
import { CREDENTIAL_TYPE } from './credentialType';

export interface GatewayCredentials {
	baseUrl: string;
	/** Whether the gateway takes OpenRouter's own request fields (baseUrl.ts). */
	openRouter: boolean;
	appUrl: string;
	appName: string;
	/** Kept only so every output, error and log line can be scrubbed of it. */
	apiKey: string;
	/** As n8n returned it, for its HTTP helper, which would otherwise read and decrypt it again on every request. */
	decrypted: ICredentialsDecrypted;
}

export const DEFAULT_BASE_URL = 'https://openrouter.ai/api/v1';

/** The credential as the transport uses it; a Base URL that cannot carry the key fails before any request. */
export async function readGatewayCredentials(
	context: IExecuteFunctions | ILoadOptionsFunctions | ISupplyDataFunctions,
): Promise<GatewayCredentials> {
	const data = await context.getCredentials(CREDENTIAL_TYPE);
	const reference = context.getNode().credentials?.[CREDENTIAL_TYPE];
	const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
	const baseUrl = normalizedBaseUrl(text(data.baseUrl) || DEFAULT_BASE_URL);
	const problem = baseUrlProblem(baseUrl);
	if (problem) {
		throw new ParameterError(
			'credentials.baseUrl',
			problem,
			"Set the credential's Base URL to e.g. https://openrouter.ai/api/v1",
		);
	}
	return {
		baseUrl,
		openRouter: speaksOpenRouter(baseUrl, (text(data.gatewayType) || 'auto') as GatewayType),
		appUrl: text(data.appUrl),
		appName: text(data.appName),
		apiKey: text(data.apiKey),
		decrypted: {
			id: reference?.id ?? '',
			name: reference?.name ?? '',
			type: CREDENTIAL_TYPE,
			data,
		},
	};
}
