import type { INode, INodeCredentials, INodeTypes } from 'n8n-workflow';

import type { HarnessCredentials } from './types';

/** A saved workflow names a stored credential; the harness stores one per type, named after it. */
export function credentialReferences(credentials: HarnessCredentials): INodeCredentials {
	return Object.fromEntries(
		Object.keys(credentials).map((type) => [type, { id: type, name: type }]),
	);
}

/**
 * Points every node at the given credentials its type accepts, unless the workflow
 * already names one, so workflow JSON in tests need not carry credential ids.
 */
export function attachCredentials(
	nodes: INode[],
	credentials: HarnessCredentials,
	nodeTypes: INodeTypes,
): INode[] {
	const references = credentialReferences(credentials);
	return nodes.map((node) => {
		const accepted =
			nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description.credentials ?? [];
		const missing = accepted.filter(({ name }) => references[name] && !node.credentials?.[name]);
		if (missing.length === 0) return node;
		const added = Object.fromEntries(missing.map(({ name }) => [name, references[name]]));
		return { ...node, credentials: { ...node.credentials, ...added } };
	});
}
