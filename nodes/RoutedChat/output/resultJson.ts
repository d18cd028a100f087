import type { IDataObject } from 'n8n-workflow';

import type { RoutedItem } from '../core';

/** The output item of a served request; field names are part of the node's public contract. */
export function resultJson(result: RoutedItem): IDataObject {
	// Key order is what a table view shows first: what served, what it cost, whether it fell back.
	const json: IDataObject = {
		model: result.model,
		cost: { ...result.cost },
		fallbackUsed: result.fallbackUsed,
		latencyMs: result.latencyMs,
		tier: result.tier,
		route: result.route,
		provider: result.provider,
		requestedModel: result.requestedModel,
		content: result.content,
		usage: { ...result.usage },
		attempts: result.attempts as unknown as IDataObject[],
		generationId: result.generationId,
		finishReason: result.finishReason,
	};
	if (result.toolCalls?.length)
		json.toolCalls = result.toolCalls.map(({ id, name, input }) => ({
			id,
			name,
			arguments: input,
		})) as IDataObject[];
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
