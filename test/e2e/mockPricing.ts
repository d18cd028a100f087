import type { Gateway } from '../../scripts/n8n/gateway';

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

const PICO_DIGITS = 12;

function picoUsd(price: string): bigint {
	const [whole, fraction = ''] = price.split('.');
	return BigInt(whole + fraction.padEnd(PICO_DIGITS, '0').slice(0, PICO_DIGITS));
}

/** Tokens × price, exact in pico-dollars, as a number of USD. */
export function expectedCostUsd(
	pricing: Pricing,
	promptTokens: number,
	completionTokens: number,
): number {
	const pico =
		BigInt(promptTokens) * picoUsd(pricing.prompt) +
		BigInt(completionTokens) * picoUsd(pricing.completion);
	return Number(pico) / 10 ** PICO_DIGITS;
}
