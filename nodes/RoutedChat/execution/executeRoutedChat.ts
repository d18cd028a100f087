import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	candidateModels,
	canStream,
	type CostSummary,
	ExecutionBudget,
	type ItemOutcome,
	mapWithConcurrency,
	type RoutedItem,
	RouteError,
	routeItem,
	summarizeCosts,
} from '../core';
import { failedItem, toNodeError } from '../output/itemFailure';
import { createRedactor } from '../output/redactor';
import { resultJson } from '../output/resultJson';
import { nodeParameters } from '../plan/nodeParameters';
import { readRunOptions } from '../plan/readRunOptions';
import { executionBreaker } from './executionBreaker';
import { createExecutionServices } from './executionServices';
import { itemsSpend, recordExecutionSpend } from './executionCustomData';
import { readNodeExecutionSpend, writeNodeExecutionSpend } from './nodeExecutionSpend';
import { withItemSignal } from './itemSignal';
import { oneStartPerTurn } from './oneStartPerTurn';
import { readPlansFirst } from './readPlansFirst';
import { type ItemStream, openItemStream } from './itemStream';

const DEFAULT_CONCURRENCY = 10;

/** Before the credentials are read there is no secret to scrub. */
const noSecrets = createRedactor([]);

/** Parameters → plan → core → items: one output item per input item, paired, in input order. */
export async function executeRoutedChat(
	context: IExecuteFunctions,
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const continueOnFail = context.continueOnFail();
	const node = context.getNode();

	let services, runOptions;
	try {
		runOptions = readRunOptions(context);
		services = await createExecutionServices(context, executionBreaker(context));
	} catch (error) {
		if (!continueOnFail) throw toNodeError(node, error, 0, noSecrets);
		const failed = items.map((_, index) => failedItem(node, error, index, noSecrets));
		if (!runOptions?.costSummary) return [failed];
		const outcomes = items.map(() => ({ error }));
		return [[...failed, summaryItem(items.length, summarizeCosts(outcomes, [], undefined))]];
	}
	const { redact } = services;
	// The cap covers every run of this node in the execution: a run starts from what the others spent.
	const budget =
		runOptions.maxCostPerExecutionUsd === undefined
			? undefined
			: new ExecutionBudget(runOptions.maxCostPerExecutionUsd, readNodeExecutionSpend(context));
	const candidates = new Set<string>();
	const parameters = nodeParameters(context);
	const streaming = (runOptions.streamResponse ?? true) && context.isStreaming();
	const plans = await readPlansFirst(context, items.length, parameters, (plan) => {
		if (runOptions.costSummary) for (const model of candidateModels(plan)) candidates.add(model);
	});
	const badInput = plans.findIndex((plan) => 'error' in plan);
	const bad = plans[badInput];
	if (bad && 'error' in bad && !continueOnFail)
		throw toNodeError(node, bad.error, badInput, redact);

	// Without Continue On Fail the first failure ends the run: stop starting items and abort those in flight.
	const stop = new AbortController();
	const cancel = context.getExecutionCancelSignal();
	const signal = cancel ? AbortSignal.any([cancel, stop.signal]) : stop.signal;
	let firstFailure: number | undefined;
	/** An item aborted because another item failed, not because the execution was cancelled. */
	const stoppedByFailure = (error: unknown) =>
		firstFailure !== undefined &&
		!cancel?.aborted &&
		error instanceof RouteError &&
		error.reason === 'aborted';
	// One item starting per turn of the event loop keeps the pool sliding (oneStartPerTurn.ts).
	const eachItem = <R>(task: (item: unknown, index: number, signal: AbortSignal) => Promise<R>) =>
		oneStartPerTurn(withItemSignal(signal, task), async () => await services.clock.sleep(0));

	const outcomes = await mapWithConcurrency(
		items,
		runOptions.concurrency ?? DEFAULT_CONCURRENCY,
		eachItem(async (_, itemIndex, signal): Promise<ItemOutcome<RoutedItem>> => {
			let stream: ItemStream | undefined;
			try {
				signal.throwIfAborted();
				const checked = plans[itemIndex];
				if ('error' in checked) throw checked.error;
				const plan = await checked.plan();
				if (streaming && canStream(plan)) stream = openItemStream(context, itemIndex);
				// After `begin`: a refused item's stream ends with its error, as when the gate refuses it.
				if (budget?.reached) throw new RouteError(budget.describe(), 'budget_reached', []);
				const result = await routeItem(plan, { ...services, signal, budget }, stream?.onDelta);
				stream?.end();
				context.logger.debug('Routed Chat served an item', {
					itemIndex,
					model: result.model,
					costUsd: result.cost.totalUsd,
					latencyMs: result.latencyMs,
					attempts: result.attempts.length,
				});
				return { result };
			} catch (error) {
				if (!continueOnFail && firstFailure === undefined && !stop.signal.aborted) {
					firstFailure = itemIndex;
					stop.abort();
				}
				stream?.fail(
					stoppedByFailure(error)
						? `Item ${itemIndex}: Stopped: item ${firstFailure} failed`
						: toNodeError(node, error, itemIndex, redact).message,
				);
				return { error };
			}
		}),
	);

	// Written before a failure is thrown too: the calls before it were paid for.
	const spent = itemsSpend(outcomes);
	recordExecutionSpend(context, spent);
	// A run without the cap counts too: a later run of this node may have one.
	writeNodeExecutionSpend(
		context,
		budget ? budget.spent : readNodeExecutionSpend(context) + spent.costNanoUsd,
	);
	if (firstFailure !== undefined) {
		const failed = outcomes[firstFailure] as { error: unknown };
		throw toNodeError(node, failed.error, firstFailure, redact);
	}
	const output: INodeExecutionData[] = outcomes.map((outcome, itemIndex) =>
		'result' in outcome
			? { json: redact(resultJson(outcome.result)), pairedItem: { item: itemIndex } }
			: failedItem(node, outcome.error, itemIndex, redact),
	);
	if (runOptions.costSummary) {
		const prices = await services.prices();
		output.push(summaryItem(items.length, summarizeCosts(outcomes, [...candidates], prices)));
	}
	return [output];
}

/** The Cost Summary Item, paired to every input item. */
function summaryItem(itemCount: number, summary: CostSummary): INodeExecutionData {
	return {
		json: { summary: summary as unknown as IDataObject },
		pairedItem: Array.from({ length: itemCount }, (_, item) => ({ item })),
	};
}
