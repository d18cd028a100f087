import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	INode,
	INodeType,
	INodeTypes,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, createEmptyRunExecutionData } from 'n8n-workflow';

import { buildAdditionalData } from './additionalData';
import { credentialReferences } from './credentialReferences';
import { HarnessCredentialsHelper } from './credentialsHelper';
import { failedTest, succeededTest } from './credentialTestOutcome';
import { credentialType, loadCredentialTypes, withCredentialDefaults } from './credentialTypes';
import { prepareEngine } from './engine';
import { loadNodeTypes, nodeTypes } from './nodeTypes';
import type { CredentialTestResult } from './types';

const TEST_NODE_TYPE = 'n8n-nodes-base.noOp';

/** n8n tests a credential by making its `test` request the routing of a throwaway NoOp node's only property. */
function testNodeType(typeName: string): INodeType {
	const { description } = nodeTypes.getByNameAndVersion(TEST_NODE_TYPE);
	const request = credentialType(typeName).test?.request;
	return {
		description: {
			...description,
			credentials: [{ name: typeName, required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request }, default: '' },
			],
		},
	};
}

/**
 * Runs a credential's `test` request the way n8n's CredentialsTester does: through
 * n8n-core's RoutingNode, so the credential's `authenticate` is applied to it.
 */
export async function testCredential(
	typeName: string,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	prepareEngine();
	await loadCredentialTypes();
	await loadNodeTypes([TEST_NODE_TYPE]);
	const test = credentialType(typeName).test;
	if (!test) return { status: 'Error', message: 'No testing function found for this credential.' };

	const nodeType = testNodeType(typeName);
	const credentials = { [typeName]: data };
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: TEST_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: credentialReferences(credentials),
	};
	const testNodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(nodeType),
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: testNodeTypes,
	});
	const additionalData = buildAdditionalData({
		credentialsHelper: new HarnessCredentialsHelper(credentials),
		executionId: 'credential-test',
	});
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const decrypted: ICredentialsDecrypted = {
		id: typeName,
		name: typeName,
		type: typeName,
		data: withCredentialDefaults(typeName, data),
	};

	try {
		return succeededTest(await new RoutingNode(context, nodeType, decrypted).runNode(), test.rules);
	} catch (error) {
		return failedTest(error, test.rules);
	}
}
