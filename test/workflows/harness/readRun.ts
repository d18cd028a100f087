import type { ExecutionError, INodeExecutionData, IRun } from 'n8n-workflow';

import type { RunError, WorkflowRun } from './types';

function readError(error: ExecutionError): RunError {
	const node = 'node' in error ? error.node?.name : undefined;
	return {
		message: error.message,
		...(error.description ? { description: error.description } : {}),
		...(node ? { node } : {}),
	};
}

/** What a test asserts on: the status, the error, and the last output of every node. */
export function readRun(run: IRun): Omit<WorkflowRun, 'logs'> {
	const { runData, error, metadata } = run.data.resultData;
	const outputs: Record<string, INodeExecutionData[][]> = {};
	for (const [nodeName, tasks] of Object.entries(runData)) {
		const main = tasks.at(-1)?.data?.main ?? [];
		outputs[nodeName] = main.map((items) => items ?? []);
	}

	const failed = run.status !== 'success' || error !== undefined;
	return {
		status: failed ? 'error' : 'success',
		...(failed
			? { error: error ? readError(error) : { message: `The execution ended as "${run.status}"` } }
			: {}),
		outputs,
		runData,
		customData: { ...metadata },
	};
}
