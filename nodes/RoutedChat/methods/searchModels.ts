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

function contextLength(tokens: number): string {
	return tokens >= 1e6 ? `${Number((tokens / 1e6).toFixed(1))}M` : `${Math.round(tokens / 1000)}k`;
}

/**
 * One row of the list, short enough for the panel's default width with the context length and
 * both prices in view: OpenRouter's "Vendor: " prefix is dropped (the id, which is what gets
 * pinned, keeps the vendor).
 */
function row(model: ModelInfo): string {
	const name = model.name.replace(/^[^:]{1,40}:\s+/, '');
	const context = model.contextLength ? `${contextLength(model.contextLength)} ctx` : 'ctx unknown';
	const price = model.price
		? `${perMillion(model.price.promptPicoUsd)} in / ${perMillion(model.price.completionPicoUsd)} out per 1M`
		: 'price unknown';
	return `${name} · ${context} · ${price}`;
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
			name: row(model),
			value: model.id,
			description: model.id,
		}));
	return { results };
}
