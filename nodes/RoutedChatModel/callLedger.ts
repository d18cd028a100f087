import type { IDataObject, INodeExecutionData, ISupplyDataFunctions } from 'n8n-workflow';

import { resultJson } from '../RoutedChat/output/resultJson';
import type { RoutedItem } from '../RoutedChat/core';

/**
 * n8n's LLM tracing writes one run of the sub-node per call: the answer text and
 * token counts. The SDK (0.31.1) hands it neither `usage.additionalMetadata`
 * nor `providerMetadata`, so the routing of each call is kept here until the
 * tracing writes that call's run, and added to it as `routedChat`: requested
 * and served model, provider, route, attempts, tokens and cost. Runs are
 * matched to calls by their answer text, in order for equal texts.
 */
export class CallLedger {
	private readonly pending: Array<{ text: string; routing: IDataObject }> = [];

	record(result: RoutedItem): void {
		const { content: _content, ...routing } = resultJson(result);
		if (result.toolCalls?.length) routing.toolCalls = result.toolCalls.map((call) => call.name);
		this.pending.push({ text: result.content, routing });
	}

	/** The routing of the call whose answer is `text`, removed from the ledger. */
	take(text: string | undefined): IDataObject | undefined {
		const index = this.pending.findIndex((entry) => entry.text === text);
		const [entry] = this.pending.splice(index === -1 ? 0 : index, 1);
		return entry?.routing;
	}
}

/** The tracing's output for one call, with that call's routing added. */
function withRouting(data: INodeExecutionData[][], ledger: CallLedger): INodeExecutionData[][] {
	return data.map((items) =>
		items.map((item) => {
			const response = item.json.response as
				| { generations?: Array<Array<{ text?: string }>> }
				| undefined;
			const routing = ledger.take(response?.generations?.[0]?.[0]?.text);
			return routing ? { ...item, json: { ...item.json, routedChat: routing } } : item;
		}),
	);
}

/** The context given to the SDK: the same, except that run data written for a call gains its routing. */
export function contextWithLedger(
	context: ISupplyDataFunctions,
	ledger: CallLedger,
): ISupplyDataFunctions {
	const wrapped = Object.create(context) as ISupplyDataFunctions;
	wrapped.addOutputData = (connectionType, runIndex, data, ...rest) =>
		context.addOutputData(
			connectionType,
			runIndex,
			data instanceof Error ? data : withRouting(data, ledger),
			...rest,
		);
	return wrapped;
}
