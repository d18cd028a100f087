import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import { CREDENTIAL_TYPES } from './registry';

const loaded = new Map<string, ICredentialType>();

/** Loads every registered credential type (a short list of small classes), once. */
export async function loadCredentialTypes(): Promise<void> {
	for (const [typeName, load] of Object.entries(CREDENTIAL_TYPES)) {
		if (!loaded.has(typeName)) loaded.set(typeName, await load());
	}
}

export function credentialType(typeName: string): ICredentialType {
	const type = loaded.get(typeName);
	if (!type) {
		throw new UnexpectedError(
			`The harness has no credential type "${typeName}": add it to CREDENTIAL_TYPES in test/workflows/harness/registry.ts`,
		);
	}
	return type;
}

export function isKnownCredentialType(typeName: string): boolean {
	return loaded.has(typeName);
}

/** The types a credential extends, nearest first; n8n picks OAuth handling from these. */
export function parentTypes(typeName: string): string[] {
	if (!isKnownCredentialType(typeName)) return [];
	const parents = credentialType(typeName).extends ?? [];
	return parents.flatMap((parent) => [parent, ...parentTypes(parent)]);
}

/** Its own properties after those of the types it extends, as n8n merges them. */
export function credentialProperties(typeName: string): INodeProperties[] {
	const type = credentialType(typeName);
	const inherited = (type.extends ?? []).flatMap((parent) =>
		isKnownCredentialType(parent) ? credentialProperties(parent) : [],
	);
	const own = new Set(type.properties.map((property) => property.name));
	return [...inherited.filter((property) => !own.has(property.name)), ...type.properties];
}

/** Fields the test left out take their declared defaults, as n8n fills them in before use. */
export function withCredentialDefaults(
	typeName: string,
	data: ICredentialDataDecryptedObject,
): ICredentialDataDecryptedObject {
	const defaults: ICredentialDataDecryptedObject = {};
	for (const property of credentialProperties(typeName)) {
		if (property.type !== 'notice' && property.default !== undefined) {
			defaults[property.name] = property.default as ICredentialDataDecryptedObject[string];
		}
	}
	const given = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
	return { ...defaults, ...given };
}
