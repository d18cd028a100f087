/** Nearest-rank percentile, p in [0, 100]. */
export function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank];
}

export function median(values: readonly number[]): number {
	return percentile(values, 50);
}

/** Milliseconds, with sub-microsecond resolution. */
export function nowMs(): number {
	return performance.now();
}
