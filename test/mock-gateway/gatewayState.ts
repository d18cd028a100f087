import type { PicoUsd } from './cost';
import type { ServedGeneration } from './generation';
import type { ModelScripts } from './modelScripts';

/** What the endpoint handlers share. */
export interface GatewayState {
	apiKey: string;
	/** A strict OpenAI-compatible server rather than OpenRouter (strictServer.ts). */
	strict: boolean;
	scripts: ModelScripts;
	/** What the key was charged for the answers served since start or reset (reported by /key). */
	spent: PicoUsd;
	/** Chat completions answered so far; numbers the generation ids. */
	generations: number;
	/** Prompt prefixes written to the cache, per model (promptCache.ts). */
	promptCache: Set<string>;
	/** The answers billed since start or reset, by generation id, for GET /generation. */
	served: Map<string, ServedGeneration>;
	/** MockGatewayOptions.onHang. */
	onHang?: () => void;
}
