import type { EvalLlmMockHandler } from 'n8n-core';
import type {
	IBinaryKeyData,
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	IRunData,
	IWorkflowSettings,
	StructuredChunk,
} from 'n8n-workflow';

/** Decrypted credential data by credential type, as n8n's credential store would hand it out. */
export interface HarnessCredentials {
	[credentialType: string]: ICredentialDataDecryptedObject;
}

/** The parts of a saved workflow's JSON the engine needs. */
export interface WorkflowDefinition {
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
}

export interface RunOptions {
	credentials?: HarnessCredentials;
	/** Pinned as the first node's output, the way the editor runs a trigger with pinned data. */
	inputItems?: IDataObject[];
	/** Binary data of the pinned items, by index (base64 in `data`, as n8n keeps it in memory). */
	inputBinary?: Array<IBinaryKeyData | undefined>;
	/** Aborting cancels the execution: nodes see it through `getExecutionCancelSignal()`. */
	signal?: AbortSignal;
	/**
	 * Runs in streaming mode, as a Webhook set to respond with Streaming does: nodes see
	 * `isStreaming()` true and every chunk they send comes here, in order.
	 */
	onChunk?: (chunk: StructuredChunk) => void;
	/**
	 * Answers every HTTP request a node makes through n8n's helpers, as n8n's workflow
	 * evaluations do when they mock the model calls; nothing reaches the network.
	 */
	evalLlmMock?: EvalLlmMockHandler;
}

export interface RunError {
	message: string;
	description?: string;
	/** The name of the node that failed, when the error came from one. */
	node?: string;
}

export interface WorkflowRun {
	status: 'success' | 'error';
	/** The execution's error: set when the workflow stopped on a failing node or was cancelled. */
	error?: RunError;
	/** The last run of each node that ran, by node name, one item list per output index. */
	outputs: Record<string, INodeExecutionData[][]>;
	runData: IRunData;
	/** The execution's custom data (`resultData.metadata`), as n8n's execution list shows it. */
	customData: Record<string, string>;
	/** Every line logged through n8n's loggers while the run was in flight. */
	logs: string[];
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}
