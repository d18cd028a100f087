import type { FallbackMode } from './types';

/**
 * The models of the next request, in chain order, from those still `open` (neither covered by an
 * earlier request nor skipped). The first is the one asked for; the rest are the gateway's to fail
 * over to. OpenRouter caps the `models` array, so a longer chain continues client-side.
 * - client: one model.
 * - both: up to `gatewayCap` open models.
 * - gateway: the open models of the first fixed slice of `gatewayCap` that still has one.
 */
export function nextRequest(
	chain: readonly string[],
	mode: FallbackMode,
	gatewayCap: number,
	isOpen: (model: string) => boolean,
): string[] {
	const cap = Math.max(1, gatewayCap);
	if (mode === 'gateway') {
		for (let start = 0; start < chain.length; start += cap) {
			const open = chain.slice(start, start + cap).filter(isOpen);
			if (open.length > 0) return open;
		}
		return [];
	}
	const width = mode === 'client' ? 1 : cap;
	const open: string[] = [];
	for (const model of chain) {
		if (open.length === width) break;
		if (isOpen(model)) open.push(model);
	}
	return open;
}
