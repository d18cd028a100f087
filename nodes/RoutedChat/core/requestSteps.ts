import type { FallbackMode } from './types';

/**
 * The requests a chain turns into, each a list of models whose first is the
 * one asked for and the rest the gateway may fail over to. OpenRouter caps
 * the `models` array, so a longer chain continues client-side.
 */
export function requestSteps(
	chain: readonly string[],
	mode: FallbackMode,
	gatewayCap: number,
): string[][] {
	const cap = Math.max(1, gatewayCap);
	if (mode === 'client') return chain.map((model) => [model]);
	if (mode === 'both') return chain.map((_, index) => chain.slice(index, index + cap));
	const steps: string[][] = [];
	for (let start = 0; start < chain.length; start += cap)
		steps.push(chain.slice(start, start + cap));
	return steps;
}
