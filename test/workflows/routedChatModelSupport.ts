import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { WorkflowRun } from './harness';
import { ROUTED_CHAT_MODEL } from './support';

/** Routed Chat Model's parameters for a pinned model, with client-side fallbacks. */
export function pinnedModel(model: string, extra: INodeParameters = {}): INodeParameters {
	return {
		routing: 'pinned',
		model: { __rl: true, mode: 'id', value: model },
		fallbackMode: 'client',
		...extra,
	};
}

/** What n8n's tracing wrote for each call of the sub-node, with the routing our node adds. */
export function modelCalls(run: WorkflowRun): IDataObject[] {
	return (run.runData[ROUTED_CHAT_MODEL] ?? []).map(
		(task) => task.data?.ai_languageModel?.[0]?.[0]?.json ?? {},
	);
}
