import type { IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

import { NODE_TYPES } from './registry';

const loaded = new Map<string, INodeType | IVersionedNodeType>();

/** Loads (once) the node types named, so the engine can look them up synchronously. */
export async function loadNodeTypes(typeNames: Iterable<string>): Promise<void> {
	for (const typeName of new Set(typeNames)) {
		if (loaded.has(typeName)) continue;
		const load = NODE_TYPES[typeName];
		if (!load) {
			throw new UnexpectedError(
				`The harness has no node type "${typeName}": add it to NODE_TYPES in test/workflows/harness/registry.ts`,
			);
		}
		loaded.set(typeName, await load());
	}
}

function loadedType(typeName: string): INodeType | IVersionedNodeType {
	const nodeType = loaded.get(typeName);
	if (!nodeType) throw new UnexpectedError(`Node type "${typeName}" was not loaded before the run`);
	return nodeType;
}

/** The engine's view of the node types: only those loaded beforehand. */
export const nodeTypes: INodeTypes = {
	getByName: (typeName) => loadedType(typeName),
	getByNameAndVersion: (typeName, version) =>
		NodeHelpers.getVersionedNodeType(loadedType(typeName), version),
	getKnownTypes: (): IDataObject =>
		Object.fromEntries([...loaded.keys()].map((typeName) => [typeName, {}])),
};
