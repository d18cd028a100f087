import type { ISupplyDataFunctions } from 'n8n-workflow';

import { RouteError, routeItem, streamChat } from '../RoutedChat/core';
import type { ExecutionServices } from '../RoutedChat/execution/executionServices';
import { toNodeError } from '../RoutedChat/output/itemFailure';
import { callSpend, recordExecutionSpend } from '../RoutedChat/execution/executionCustomData';
import type { CallLedger } from './callLedger';
import type { ModelPlan } from './readModelPlan';
import type { RouteCall } from './sdkAdapter';

/** Each call of the model: its messages and tools → the plan's chain → the core, as Routed Chat does per item. */
export function routeModelCall(
	context: ISupplyDataFunctions,
	itemIndex: number,
	{ chain, route, markCache }: ModelPlan,
	services: ExecutionServices,
	ledger: CallLedger,
): RouteCall {
	const cancel = context.getExecutionCancelSignal();
	return async ({ messages, tools, toolChoice, signal }, onDelta) => {
		const signals = [cancel, signal].filter((s): s is AbortSignal => s !== undefined);
		try {
			const plan = {
				...chain,
				messages: markCache(messages),
				completion: tools.length ? { ...chain.completion, tools, toolChoice } : chain.completion,
			};
			const routeContext = {
				...services,
				signal: signals.length ? AbortSignal.any(signals) : undefined,
			};
			const result = onDelta
				? { ...(await streamChat(plan, routeContext, onDelta)), route }
				: await routeItem({ kind: 'chain', plan, route }, routeContext);
			// The run data shows every attempt: an error a gateway wrote may echo the key.
			ledger.record(services.redact(result));
			recordExecutionSpend(context, callSpend(result.attempts, result.costNanoUsd ?? 0));
			context.logger.debug('Routed Chat Model served a call', {
				model: result.model,
				costUsd: result.cost.totalUsd,
				attempts: result.attempts.length,
			});
			return result;
		} catch (error) {
			if (error instanceof RouteError)
				recordExecutionSpend(context, callSpend(error.attempts, error.spent.nanoUsd ?? 0));
			throw toNodeError(context.getNode(), error, itemIndex, services.redact);
		}
	};
}
