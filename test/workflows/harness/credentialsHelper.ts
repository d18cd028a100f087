import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper, UnexpectedError, UserError, isExpression } from 'n8n-workflow';

import {
	credentialProperties,
	credentialType,
	isKnownCredentialType,
	parentTypes,
	withCredentialDefaults,
} from './credentialTypes';
import type { HarnessCredentials } from './types';

/**
 * n8n's credentials helper over credentials held in memory by type. `authenticate`
 * applies a credential's `authenticate` the way the CLI does: a function is called,
 * a generic one has every key and value resolved as an expression with `$credentials`.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly credentials: HarnessCredentials) {
		super();
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: INodeCredentialsDetails,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.credentials[typeName];
		if (!data) throw new UserError(`The run was given no credentials of type "${typeName}"`);
		return withCredentialDefaults(typeName, structuredClone(data));
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = credentialType(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type !== 'generic') return requestOptions as IHttpRequestOptions;
		if (!workflow || !node) {
			throw new UnexpectedError(
				'Workflow and node are required for declarative credential authentication',
			);
		}

		const resolve = (value: unknown): unknown => {
			if (!isExpression(value)) return value;
			const resolved = workflow.expression.getSimpleParameterValue(node, value, 'internal', {
				$credentials: credentials,
			});
			// Like n8n: an expression that comes out empty (or falsy) sends an empty string.
			return resolved ? resolved.toString() : '';
		};

		const target = requestOptions as unknown as Record<string, unknown>;
		target.headers ??= {};
		for (const [part, entries] of Object.entries(authenticate.properties)) {
			if (typeof entries !== 'object') {
				target[part] = resolve(entries);
				continue;
			}
			const section = (target[part] ??= {}) as Record<string, unknown>;
			for (const [key, value] of Object.entries(entries)) {
				section[String(resolve(key))] = resolve(value);
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	// No credential type here refreshes a token before its requests.
	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	getParentTypes(typeName: string): string[] {
		return parentTypes(typeName);
	}

	isCredentialUsableByNode(typeName: string, nodeType: string): boolean {
		if (!isKnownCredentialType(typeName)) return true;
		const { restrictToSupportedNodes, supportedNodes } = credentialType(typeName);
		return (
			!restrictToSupportedNodes ||
			(supportedNodes ?? []).some((name) => nodeType.endsWith(`.${name}`))
		);
	}

	getCredentialsProperties(typeName: string): INodeProperties[] {
		return credentialProperties(typeName);
	}

	async getCredentials(): Promise<ICredentials> {
		throw new UnexpectedError(
			'The harness stores no encrypted credentials (OAuth is not supported)',
		);
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}
