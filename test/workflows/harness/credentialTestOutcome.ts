import type { ICredentialTestRequest, IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { CredentialTestResult } from './types';

const CONNECTION_SUCCESSFUL: CredentialTestResult = {
	status: 'OK',
	message: 'Connection successful!',
};

interface RequestFailure {
	message?: string;
	cause?: { code?: string; response?: { status: number; statusText?: string } };
}

function valueAt(data: IDataObject, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], data);
}

/**
 * How n8n's CredentialsTester words a failed test request: a matching rule, else the
 * HTTP status, else the socket error code, else the message.
 */
export function failedTest(
	error: unknown,
	rules: ICredentialTestRequest['rules'],
): CredentialTestResult {
	const { message, cause } = (error ?? {}) as RequestFailure;
	const response = cause?.response;
	if (response) {
		for (const rule of rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === response.status) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		if (response.status < 199 || response.status > 299) {
			return {
				status: 'Error',
				message: response.statusText || `Received HTTP status code: ${response.status}`,
			};
		}
	} else if (cause?.code) {
		return { status: 'Error', message: cause.code };
	}
	return { status: 'Error', message: String(message) };
}

/** A test request that succeeded can still fail on a `responseSuccessBody` rule. */
export function succeededTest(
	response: INodeExecutionData[][] | undefined,
	rules: ICredentialTestRequest['rules'],
): CredentialTestResult {
	const body = response?.[0]?.[0]?.json ?? {};
	for (const rule of rules ?? []) {
		if (
			rule.type === 'responseSuccessBody' &&
			valueAt(body, rule.properties.key) === rule.properties.value
		) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return CONNECTION_SUCCESSFUL;
}
