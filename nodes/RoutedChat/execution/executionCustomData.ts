import type { IWorkflowExecutionCustomData } from 'n8n-workflow';

import { type Attempt, type ItemOutcome, itemSpend, nanoToUsd, usdToNano } from '../core';

/**
 * What the node spent, written as execution custom data so n8n's execution list can filter on it.
 * Every Routed Chat node of an execution (and every run of one) adds to the same keys, so the
 * figures are the execution's whole Routed Chat spend.
 */
export interface ExecutionSpend {
	/** Integer nano-dollars, the ledger's unit. */
	costNanoUsd: number;
	/** Calls that got an answer, and so were paid for. */
	calls: number;
	/** The models that served those calls. */
	models: readonly string[];
}

/** The key names are public: users filter executions on them. */
const CUSTOM_DATA_KEYS = {
	costUsd: 'routedChatCostUsd',
	calls: 'routedChatCalls',
	models: 'routedChatModels',
} as const;

/** One routed call's spend: its paid attempts (those that got an answer) and the models that gave them. */
export function callSpend(attempts: readonly Attempt[], costNanoUsd: number): ExecutionSpend {
	const models = attempts.flatMap((attempt) => (attempt.servedBy ? [attempt.servedBy] : []));
	return { costNanoUsd, calls: models.length, models: [...new Set(models)] };
}

/** What an execution's items spent: each served item's calls, and those of each item that failed after paid calls. */
export function itemsSpend(outcomes: readonly ItemOutcome[]): ExecutionSpend {
	const spends = outcomes.flatMap((outcome) => {
		const spent = itemSpend(outcome);
		return spent ? [callSpend(spent.attempts, spent.cost.nanoUsd ?? 0)] : [];
	});
	return {
		costNanoUsd: spends.reduce((sum, spend) => sum + spend.costNanoUsd, 0),
		calls: spends.reduce((sum, spend) => sum + spend.calls, 0),
		models: [...new Set(spends.flatMap((spend) => spend.models))],
	};
}

/** n8n logs an error above 255 characters and cuts at 512; stay under both. */
const VALUE_LIMIT = 255;
const MORE = '…';

/**
 * Adds the spend to the execution's custom data. Contexts without execution data (n8n throws on
 * `customData` there) and a full custom-data table (n8n keeps 10 keys) are skipped: the figures
 * are a convenience and never fail the node.
 */
export function recordExecutionSpend(
	context: { readonly customData: IWorkflowExecutionCustomData },
	spend: ExecutionSpend,
): void {
	let data: IWorkflowExecutionCustomData;
	try {
		data = context.customData;
	} catch {
		return;
	}
	if (!data || typeof data.set !== 'function') return;
	const costNano = readNano(data.get(CUSTOM_DATA_KEYS.costUsd)) + spend.costNanoUsd;
	const calls = readCount(data.get(CUSTOM_DATA_KEYS.calls)) + spend.calls;
	const models = new Set([...readModels(data.get(CUSTOM_DATA_KEYS.models)), ...spend.models]);
	try {
		data.set(CUSTOM_DATA_KEYS.costUsd, formatUsd(costNano));
		data.set(CUSTOM_DATA_KEYS.calls, String(calls));
		data.set(CUSTOM_DATA_KEYS.models, joinWithin([...models], VALUE_LIMIT));
	} catch {
		// n8n refuses custom data in some modes; the items already carry every figure.
	}
}

/** Nano-dollars as a plain decimal USD string ("0.000123"), never in exponent notation. */
function formatUsd(nano: number): string {
	const fixed = nanoToUsd(nano).toFixed(9);
	return fixed.replace(/\.?0+$/, '') || '0';
}

function readNano(value: string | undefined): number {
	const usd = Number(value);
	return value && Number.isFinite(usd) && usd >= 0 ? usdToNano(usd) : 0;
}

function readCount(value: string | undefined): number {
	const count = Number(value);
	return value && Number.isSafeInteger(count) && count >= 0 ? count : 0;
}

function readModels(value: string | undefined): string[] {
	return (value ?? '')
		.split(',')
		.map((model) => model.trim())
		.filter((model) => model && model !== MORE);
}

/** Whole model ids, comma-separated, as many as fit; `…` says some were left out. */
function joinWithin(models: string[], limit: number): string {
	let joined = '';
	for (const [index, model] of models.entries()) {
		const next = joined ? `${joined},${model}` : model;
		const room = index === models.length - 1 ? limit : limit - MORE.length - 1;
		if (next.length > room) return joined ? `${joined},${MORE}` : MORE;
		joined = next;
	}
	return joined;
}
