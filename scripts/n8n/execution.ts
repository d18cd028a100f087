/** The parts of n8n's execution record (IRun) that the demo and the e2e test read. */
export type Json = Record<string, unknown>;

export interface PairedItem {
	item: number;
	input?: number;
}

export interface NodeItem {
	json: Json;
	pairedItem?: PairedItem | PairedItem[] | number;
}

export interface NodeRun {
	executionStatus?: string;
	/** Epoch ms at which n8n started the run, and how long it took. */
	startTime?: number;
	executionTime?: number;
	error?: { message?: string; description?: string };
	source: Array<{
		previousNode: string;
		previousNodeOutput?: number;
		previousNodeRun?: number;
	} | null>;
	data?: { main?: Array<NodeItem[] | null> };
}

export interface Execution {
	status?: string;
	finished?: boolean;
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: { message?: string; description?: string; node?: { name?: string } };
			lastNodeExecuted?: string;
			/** Execution custom data, as n8n's execution list filters on it. */
			metadata?: Record<string, string>;
		};
	};
}

/**
 * `n8n execute --rawOutput` prints log lines, then the execution as indented
 * JSON (a line "{" to a line "}"), and on failure more log lines after it.
 */
export function parseExecution(stdout: string): Execution {
	const lines = stdout.split('\n');
	for (let start = lines.indexOf('{'); start !== -1; start = lines.indexOf('{', start + 1)) {
		for (let end = lines.indexOf('}', start); end !== -1; end = lines.indexOf('}', end + 1)) {
			try {
				const parsed = JSON.parse(lines.slice(start, end + 1).join('\n')) as Execution;
				if (parsed?.data?.resultData?.runData) return parsed;
			} catch {
				// Not the end of this object yet.
			}
		}
	}
	throw new Error('n8n printed no execution JSON');
}

/** n8n 2.x sets `status`; `finished` without an error means the same for older records. */
export function succeeded(execution: Execution): boolean {
	if (execution.status) return execution.status === 'success';
	return execution.finished === true && !execution.data.resultData.error;
}

export function failureMessage(execution: Execution): string {
	const error = execution.data.resultData.error;
	if (!error) return `status ${execution.status ?? 'unknown'}`;
	const where = error.node?.name ? ` (node "${error.node.name}")` : '';
	return `${error.message ?? 'unknown error'}${where}${error.description ? `\n${error.description}` : ''}`;
}

/** Every item a node sent on one output, over all its runs. */
export function outputItems(execution: Execution, nodeName: string, output = 0): NodeItem[] {
	const runs = execution.data.resultData.runData[nodeName] ?? [];
	return runs.flatMap((run) => run.data?.main?.[output] ?? []);
}

export function pairedIndex(item: NodeItem): { item: number; input: number } | undefined {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	if (paired === undefined) return undefined;
	if (typeof paired === 'number') return { item: paired, input: 0 };
	return { item: paired.item, input: paired.input ?? 0 };
}

/** The input item an output item of a node's first run is paired with. */
export function inputItemOf(
	execution: Execution,
	nodeName: string,
	item: NodeItem,
): NodeItem | undefined {
	const paired = pairedIndex(item);
	const source = execution.data.resultData.runData[nodeName]?.[0]?.source[paired?.input ?? 0];
	if (!paired || !source) return undefined;
	const previous =
		execution.data.resultData.runData[source.previousNode]?.[source.previousNodeRun ?? 0];
	return previous?.data?.main?.[source.previousNodeOutput ?? 0]?.[paired.item];
}
