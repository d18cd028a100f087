/**
 * A decimal number as text, e.g. what an expression returns from a sheet. Item data reaches it, so
 * each part is unambiguous (the digits after the point only follow a point): no backtracking.
 */
const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;

/** A finite number, or decimal text as its number; undefined for anything else (`true`, `[5]`, `"0x10"`, `""`). */
export function numberValue(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && DECIMAL.test(value.trim())) return Number(value);
	return undefined;
}
