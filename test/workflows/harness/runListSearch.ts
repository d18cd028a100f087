import { LoadOptionsContext } from 'n8n-core';
import type { INode, INodeListSearchResult, INodeProperties, INodeType } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError, Workflow } from 'n8n-workflow';

import { buildAdditionalData } from './additionalData';
import { credentialReferences } from './credentialReferences';
import { HarnessCredentialsHelper } from './credentialsHelper';
import { loadCredentialTypes } from './credentialTypes';
import { prepareEngine } from './engine';
import { loadNodeTypes, nodeTypes } from './nodeTypes';
import type { HarnessCredentials } from './types';

/** The parameter whose picker calls the method; the editor sends its path with the request. */
function parameterPath(nodeType: INodeType, methodName: string): string {
	const usesMethod = (property: INodeProperties) =>
		property.typeOptions?.searchListMethod === methodName ||
		(property.modes ?? []).some((mode) => mode.typeOptions?.searchListMethod === methodName);
	const property = nodeType.description.properties.find(usesMethod);
	return property ? `parameters.${property.name}` : 'parameters';
}

/**
 * Calls a node's `methods.listSearch[methodName]` as the editor's resource locator does:
 * on a lone node with its default parameters, in n8n-core's LoadOptionsContext.
 */
export async function runListSearch(
	nodeTypeName: string,
	methodName: string,
	credentials: HarnessCredentials,
	filter?: string,
): Promise<INodeListSearchResult> {
	prepareEngine();
	await loadNodeTypes([nodeTypeName]);
	await loadCredentialTypes();

	const nodeType = nodeTypes.getByNameAndVersion(nodeTypeName);
	const search = nodeType.methods?.listSearch?.[methodName];
	if (!search)
		throw new UnexpectedError(`Node type "${nodeTypeName}" has no list search "${methodName}"`);

	const { version } = nodeType.description;
	const typeVersion = Array.isArray(version) ? Math.max(...version) : version;
	const { properties } = nodeType.description;
	const parameters =
		NodeHelpers.getNodeParameters(
			properties,
			{},
			true,
			false,
			{ typeVersion },
			nodeType.description,
		) ?? {};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: nodeTypeName,
		typeVersion,
		position: [0, 0],
		parameters,
		credentials: credentialReferences(credentials),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = buildAdditionalData({
		credentialsHelper: new HarnessCredentialsHelper(credentials),
		executionId: 'list-search',
	});
	additionalData.currentNodeParameters = parameters;
	const context = new LoadOptionsContext(
		workflow,
		node,
		additionalData,
		parameterPath(nodeType, methodName),
	);
	return await search.call(context, filter);
}
