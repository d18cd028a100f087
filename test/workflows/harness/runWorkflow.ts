import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type { INodeExecutionData, IPinData, IWorkflowBase } from 'n8n-workflow';
import { UserError, Workflow } from 'n8n-workflow';

import { buildAdditionalData } from './additionalData';
import { attachCredentials } from './credentialReferences';
import { HarnessCredentialsHelper } from './credentialsHelper';
import { loadCredentialTypes } from './credentialTypes';
import { prepareEngine } from './engine';
import { readJournalFromNow } from './logJournal';
import { loadNodeTypes, nodeTypes } from './nodeTypes';
import { readRun } from './readRun';
import type { RunOptions, WorkflowDefinition, WorkflowRun } from './types';

let executions = 0;

/**
 * Runs a workflow through n8n-core's WorkflowExecute in manual mode, as the editor's
 * "Execute workflow" does, and reports every node's last output.
 */
export async function runWorkflow(
	definition: WorkflowDefinition,
	options: RunOptions = {},
): Promise<WorkflowRun> {
	prepareEngine();
	const credentials = options.credentials ?? {};
	await loadNodeTypes(definition.nodes.map((node) => node.type));
	await loadCredentialTypes();

	const workflowData: IWorkflowBase = {
		id: 'harness-workflow',
		name: 'Harness workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: attachCredentials(structuredClone(definition.nodes), credentials, nodeTypes),
		connections: definition.connections,
		// New workflows in n8n run in v1 order: each branch to its end before the next.
		settings: { executionOrder: 'v1', ...definition.settings },
	};
	const { id, name, nodes, connections, settings } = workflowData;
	const workflow = new Workflow({
		id,
		name,
		nodes,
		connections,
		settings,
		active: false,
		nodeTypes,
	});
	const startNode = workflow.getStartNode();
	if (!startNode) throw new UserError('The workflow has no node to start from');

	const executionId = String(++executions);
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	const additionalData = buildAdditionalData({
		credentialsHelper: new HarnessCredentialsHelper(credentials),
		executionId,
		hooks,
	});
	additionalData.evalLlmMockHandler = options.evalLlmMock;
	if (options.onChunk) {
		// What n8n's WorkflowRunner sets up for a streaming webhook, writing each chunk to the response.
		hooks.addHandler('sendChunk', options.onChunk);
		additionalData.streamingEnabled = true;
	}
	const pinData: IPinData | undefined = options.inputItems && {
		[startNode.name]: options.inputItems.map((json, index): INodeExecutionData => {
			const binary = options.inputBinary?.[index];
			return binary ? { json, binary } : { json };
		}),
	};

	const readLogs = readJournalFromNow();
	const execution = new WorkflowExecute(additionalData, 'manual').run({
		workflow,
		startNode,
		pinData,
	});
	const cancel = () => execution.cancel();
	options.signal?.addEventListener('abort', cancel, { once: true });
	if (options.signal?.aborted) cancel();
	try {
		return { ...readRun(await execution), logs: readLogs() };
	} finally {
		options.signal?.removeEventListener('abort', cancel);
	}
}
