import type { IExecuteFunctions } from 'n8n-workflow';

/*
 * n8n runs a node several times in one execution (an If sending both outputs into it, a loop, two
 * parents), and Max Cost per Execution covers them all. n8n keeps the node context for one node
 * across its runs within one execution, in the execution's own data, as SplitInBatches keeps its
 * state there: so it holds on whatever queue-mode worker runs the execution, and another node or
 * another execution starts from zero.
 */

/** Integer nano-dollars, as ExecutionBudget counts them. */
const SPENT_KEY = 'maxCostPerExecutionSpentNanoUsd';

type NodeContext = Pick<IExecuteFunctions, 'getContext'>;

/** What this node's earlier runs in this execution spent, with Max Cost per Execution set or not. */
export function readNodeExecutionSpend(context: NodeContext): number {
	const spent = context.getContext('node')[SPENT_KEY];
	return typeof spent === 'number' && Number.isSafeInteger(spent) && spent > 0 ? spent : 0;
}

/** `spentNano` is the node's whole spend in this execution so far, its earlier runs included. */
export function writeNodeExecutionSpend(context: NodeContext, spentNano: number): void {
	context.getContext('node')[SPENT_KEY] = spentNano;
}
