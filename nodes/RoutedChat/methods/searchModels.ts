import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import type { ModelInfo } from '../core';
import { createGatewayClient } from '../transport/gatewayClient';
import { readGatewayCredentials } from '../transport/gatewayCredentials';

/** USD per million tokens, as model pages quote prices: two decimals at least ($0.60, $2.50), more when they matter ($0.075). */
function perMillion(picoUsdPerToken: number): string {
	const usd = Number(((picoUsdPerToken * 1e6) / 1e12).toPrecision(4));
	const decimals = usd.toString().split('.')[1]?.length ?? 0;
	return `$${usd.toFixed(Math.min(Math.max(decimals, 2), 6))}`;
}

/** Kept short so a row fits the panel's default width, context length included. */
function describe(model: ModelInfo): string {
	const context = model.contextLength
		? `${Math.round(model.contextLength / 1000)}k ctx`
		: 'ctx unknown';
	const price = model.price
		? `${perMillion(model.price.promptPicoUsd)} in / ${perMillion(model.price.completionPicoUsd)} out per 1M`
		: 'price unknown';
	return `${context} · ${price}`;
}

/** The model picker: every model the gateway lists, with its price and context length. */
export async function searchModels(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const credentials = await readGatewayCredentials(this);
	const models = await createGatewayClient(this, credentials).listModels({ timeoutMs: 15_000 });
	const needle = filter?.trim().toLowerCase();
	const results: INodeListSearchItems[] = models
		.filter(
			(model) =>
				!needle ||
				model.id.toLowerCase().includes(needle) ||
				model.name.toLowerCase().includes(needle),
		)
		.sort((a, b) => a.id.localeCompare(b.id))
		.map((model) => ({
			name: `${model.name} · ${describe(model)}`,
			value: model.id,
			description: model.id,
		}));
	return { results };
}
