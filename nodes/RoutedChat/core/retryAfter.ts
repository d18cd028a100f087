/** Reads `Retry-After` (delta seconds or an HTTP date) and `retry-after-ms` into a wait in ms. */
export function retryAfterMs(headers: Headers | undefined, now: number): number | undefined {
	if (!headers) return undefined;
	const ms = Number(headers.get('retry-after-ms'));
	if (headers.has('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms;
	const value = headers.get('retry-after');
	if (value === null || value.trim() === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
