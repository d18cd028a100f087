import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { mapWithConcurrency } from '../core/concurrency';
import { routeChat } from '../core/routeChat';
import type { RouteResult } from '../core/types';
import { failureJson, toNodeError } from '../output/itemFailure';
import { createRedactor } from '../output/redactor';
import { resultJson } from '../output/resultJson';
import { readItemPlan } from '../plan/readItemPlan';
import { readOptions } from '../plan/readOptions';
import { createExecutionServices } from './executionServices';

type ItemOutcome = { result: RouteResult } | { error: unknown };

const DEFAULT_CONCURRENCY = 5;

/** Before the credentials are read there is no secret to scrub. */
const noSecrets = createRedactor([]);

/** Concurrency is one setting for the whole run; a bad value is reported by the item that reads it. */
function readConcurrency(context: IExecuteFunctions): number {
	try {
		return readOptions(context.getNodeParameter('options', 0, {})).concurrency ?? DEFAULT_CONCURRENCY;
	} catch {
		return DEFAULT_CONCURRENCY;
	}
}

/** Parameters → plan → core → items: one output item per input item, paired, in input order. */
export async function executeRoutedChat(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const continueOnFail = context.continueOnFail();
	const node = context.getNode();

	let services;
	try {
		services = await createExecutionServices(context);
	} catch (error) {
		if (!continueOnFail) throw toNodeError(node, error, 0, noSecrets);
		return [items.map((_, index) => ({ json: failureJson(error, index, noSecrets), pairedItem: { item: index } }))];
	}
	const { redact } = services;

	// Without Continue On Fail the first failure ends the run: stop starting items and abort those in flight.
	const stop = new AbortController();
	const cancel = context.getExecutionCancelSignal();
	const signal = cancel ? AbortSignal.any([cancel, stop.signal]) : stop.signal;
	let firstFailure: number | undefined;

	const outcomes = await mapWithConcurrency(items, readConcurrency(context), async (_, itemIndex): Promise<ItemOutcome> => {
		try {
			signal.throwIfAborted();
			const plan = readItemPlan(context, itemIndex);
			const result = await routeChat(plan, { ...services, signal });
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
			return { error };
		}
	});

	if (firstFailure !== undefined) {
		const failed = outcomes[firstFailure] as { error: unknown };
		throw toNodeError(node, failed.error, firstFailure, redact);
	}
	return [
		outcomes.map((outcome, itemIndex) => ({
			json: 'result' in outcome ? redact(resultJson(outcome.result)) : failureJson(outcome.error, itemIndex, redact),
			pairedItem: { item: itemIndex },
		})),
	];
}
