import type { Gateway } from '../../scripts/n8n/gateway';
import { parseUsd, toUsd } from '../mock-gateway/cost';

/** USD per token as OpenRouter publishes it: decimal strings. */
export interface Pricing {
	prompt: string;
	completion: string;
}

/** The prices the mock bills with, read from its own GET /models. */
export async function fetchPricing(gateway: Gateway): Promise<Map<string, Pricing>> {
	const response = await fetch(`${gateway.baseUrl}/models`, {
		headers: { authorization: `Bearer ${gateway.apiKey}` },
	});
	if (!response.ok) throw new Error(`GET /models answered ${response.status}`);
	const { data } = (await response.json()) as { data: Array<{ id: string; pricing: Pricing }> };
	return new Map(data.map((model) => [model.id, model.pricing]));
}

/** Tokens × price, exact in pico-dollars as the mock bills, as a number of USD. */
export function expectedCostUsd(
	pricing: Pricing,
	promptTokens: number,
	completionTokens: number,
): number {
	return toUsd(
		BigInt(promptTokens) * parseUsd(pricing.prompt) +
			BigInt(completionTokens) * parseUsd(pricing.completion),
	);
}
