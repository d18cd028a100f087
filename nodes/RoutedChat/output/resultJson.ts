import type { IDataObject } from 'n8n-workflow';

import type { RoutedItem } from '../core';

/** The output item of a served request; field names are part of the node's public contract. */
export function resultJson(result: RoutedItem): IDataObject {
	const json: IDataObject = {
		content: result.content,
		model: result.model,
		requestedModel: result.requestedModel,
		provider: result.provider,
		tier: result.tier,
		route: result.route,
		fallbackUsed: result.fallbackUsed,
		attempts: result.attempts as unknown as IDataObject[],
		usage: { ...result.usage },
		cost: { ...result.cost },
		latencyMs: result.latencyMs,
		generationId: result.generationId,
		finishReason: result.finishReason,
	};
	if (result.json !== undefined) json.json = result.json as IDataObject;
	if (result.reasoning) json.reasoning = result.reasoning;
	if (result.escalated !== undefined) {
		json.escalated = result.escalated;
		json.escalationReason = result.escalationReason ?? null;
		json.repaired = result.repaired ?? false;
		if (result.unmetChecks) json.unmetChecks = result.unmetChecks;
	}
	if (result.drill) json.drill = true;
	if (result.raw !== undefined) json.raw = result.raw as IDataObject;
	return json;
}
