import type {
	ICredentialsDecrypted,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	ISupplyDataFunctions,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './credentialType';

export interface GatewayCredentials {
	baseUrl: string;
	appUrl: string;
	appName: string;
	/** Kept only so every output, error and log line can be scrubbed of it. */
	apiKey: string;
	/** As n8n returned it, for its HTTP helper, which would otherwise read and decrypt it again on every request. */
	decrypted: ICredentialsDecrypted;
}

export const DEFAULT_BASE_URL = 'https://openrouter.ai/api/v1';

export async function readGatewayCredentials(
	context: IExecuteFunctions | ILoadOptionsFunctions | ISupplyDataFunctions,
): Promise<GatewayCredentials> {
	const data = await context.getCredentials(CREDENTIAL_TYPE);
	const reference = context.getNode().credentials?.[CREDENTIAL_TYPE];
	const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
	return {
		// The lookbehind starts a match only where a run of slashes starts: linear, where /\/+$/ is quadratic.
		baseUrl: (text(data.baseUrl) || DEFAULT_BASE_URL).replace(/(?<!\/)\/+$/, ''),
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
