import type { ChatMessage, CompletionOptions, NativeTokenField, ToolCall, Usage } from './types';

/** One request to the gateway: a model, or a `models` array the gateway fails over within. */
export interface ChatRequest {
	model: string;
	models?: string[];
	messages: ChatMessage[];
	completion: CompletionOptions;
}

/** A successful completion, already read and checked at the edge. */
export interface ChatCompletion {
	id: string | null;
	model: string;
	provider: string | null;
	content: string;
	/** Why the model declined to answer, when it did: such an answer is paid for but not served. */
	refusal?: string;
	/** The reasoning text, when the model returned it. */
	reasoning?: string | null;
	toolCalls?: ToolCall[];
	finishReason: string | null;
	/** With finishReason `error`: what the gateway said went wrong. Such an answer is paid for but not served. */
	finishError?: string;
	usage: Usage | null;
	/** What the call cost as the gateway reported it, in USD, a BYOK provider's charge included. */
	gatewayCostUsd: number | null;
	/** Of that, what the provider charged the user's own key (BYOK), when reported. */
	upstreamCostUsd: number | null;
	raw: unknown;
}

/** A generation's stats as the gateway keeps them once the answer is billed (OpenRouter's GET /generation). */
export interface GenerationStats {
	/** What the call cost in USD, a BYOK provider's charge included; null when not reported. */
	costUsd: number | null;
	/** Of that, what the provider charged the user's own key (BYOK). */
	upstreamCostUsd: number | null;
	/** What prompt caching saved (negative when a cache write cost more). */
	cacheDiscountUsd: number | null;
	/** The provider's own token counts, those it reported. */
	nativeTokens: Partial<Pick<Usage, NativeTokenField>>;
}

/** Per-token prices in pico-dollars (1e-12 USD), exact for any price OpenRouter publishes. */
export interface ModelPrice {
	promptPicoUsd: number;
	completionPicoUsd: number;
	/** A fee per request whatever its tokens (a search model's), when one is published. */
	requestPicoUsd?: number;
	/** What a prompt token written to a prompt cache costs, when published (`input_cache_write`). */
	cacheWritePicoUsd?: number;
	/** The model's context length: bounds a prompt's tokens, and an answer's without Max Tokens. */
	contextLength?: number;
	/** Published with the price: what the model takes as input (`text`, `image`, `file`, …). */
	inputModalities?: readonly string[];
}

export interface ModelInfo {
	id: string;
	name: string;
	contextLength: number | null;
	price: ModelPrice | null;
	/** `architecture.input_modalities`, when the gateway publishes it. */
	inputModalities?: string[];
}

/** A piece of an answer as it streams: text, or part of a tool call (`index` tells calls apart). */
export type StreamDelta =
	| { type: 'text'; text: string }
	| { type: 'tool-call'; index: number; id?: string; name?: string; arguments?: string };

export interface CallOptions {
	/** Cancels the request and closes its connection. */
	signal?: AbortSignal;
	/** The request fails as `timeout` when no whole answer came within this. */
	timeoutMs: number;
}

/**
 * The thin abstraction between routing and the gateway; transport/ implements
 * it over n8n's HTTP helper. It fails with the errors of gatewayError.ts.
 */
export interface ChatClient {
	/**
	 * How many models one request may name for the gateway to fail over within;
	 * 1 for a gateway that cannot. Unset: as many as the plan's policy allows.
	 */
	readonly modelsPerRequest?: number;
	complete(request: ChatRequest, options: CallOptions): Promise<ChatCompletion>;
	/** The same request with `stream: true`: deltas as they arrive, then the whole completion. */
	stream?(
		request: ChatRequest,
		options: CallOptions,
		onDelta: (delta: StreamDelta) => void,
	): Promise<ChatCompletion>;
	listModels(options: CallOptions): Promise<ModelInfo[]>;
	/**
	 * The stats of an answer, by its completion id; only a gateway that keeps them (OpenRouter) has
	 * this. They lag the answer: until they are written the gateway answers 404.
	 */
	generationStats?(id: string, options: CallOptions): Promise<GenerationStats>;
}
