/** USD in integer pico-dollars (1e-12 USD), so that per-token prices multiply and add exactly. */
export type PicoUsd = bigint;

const FRACTION_DIGITS = 12;

/** Parses an OpenRouter price string ("0.00000015", USD per token). */
export function parseUsd(price: string): PicoUsd {
	const match = /^(\d+)(?:\.(\d*))?$/.exec(price);
	if (!match || (match[2] ?? '').length > FRACTION_DIGITS) {
		throw new Error(
			`Price must be a decimal USD string with at most ${FRACTION_DIGITS} fraction digits, got '${price}'`,
		);
	}
	const [, whole, fraction = ''] = match;
	return BigInt(whole + fraction.padEnd(FRACTION_DIGITS, '0'));
}

/** The nearest double to the exact amount: both operands are exact doubles, so only the division rounds. */
export function toUsd(amount: PicoUsd): number {
	return Number(amount) / 10 ** FRACTION_DIGITS;
}

/** A prompt token written to the cache costs this much more when the model publishes no price for it (Anthropic's 5 minutes). */
export const CACHE_WRITE_COSTS_PERCENT = 25n;

export interface TokenPrices {
	prompt: PicoUsd;
	completion: PicoUsd;
	/** Per request, whatever its tokens. */
	request: PicoUsd;
	/** Per prompt token written to the prompt cache. */
	cacheWrite: PicoUsd;
}
