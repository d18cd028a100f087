/**
 * Money in integers: prices in pico-dollars per token, costs in nano-dollars,
 * so sums over many items are exact and float noise never reaches a total.
 */

const PICO_DIGITS = 12;

/** Parses a decimal USD string such as "0.0000000375" into integer pico-dollars. */
export function usdToPico(usd: string): number | null {
	const match = /^\s*(\d+)(?:\.(\d*))?\s*$/.exec(usd);
	if (!match) return null;
	const [, whole, fraction = ''] = match;
	const digits = (fraction + '0'.repeat(PICO_DIGITS)).slice(0, PICO_DIGITS);
	const value = Number(whole) * 10 ** PICO_DIGITS + Number(digits);
	return Number.isSafeInteger(value) ? value : null;
}

export function usdToNano(usd: number): number {
	return Math.round(usd * 1e9);
}

export function nanoToUsd(nano: number): number {
	return nano / 1e9;
}
