/** The routing core's vocabulary. Nothing here knows about n8n. */

export type ChatRole = 'system' | 'developer' | 'user' | 'assistant' | 'tool';

/** A call the model asks the caller to make; `arguments` is the JSON text the model wrote. */
export interface ToolCall {
	id: string;
	name: string;
	arguments: string;
}

export interface ChatMessage {
	role: ChatRole;
	/** The message's text (with `parts`: its text parts, joined by newlines). */
	content: string;
	/** The whole content in order, when it carries more than text (images, files). */
	parts?: ContentPart[];
	/** Prompt caching: the prefix up to and including this message may be cached (Cache Control). */
	cache?: CacheMark;
	/** On an assistant message: the tools the model called. */
	toolCalls?: ToolCall[];
	/** On a tool message: the call whose result `content` is. */
	toolCallId?: string;
}

/** A piece of a message's content: text, an image, or a file (a PDF). */
export type ContentPart = { type: 'text'; text: string } | MediaPart;

/**
 * An image or a file, as a `data:` URL (base64) or an http(s) URL. `pages` is a PDF's page count
 * where it could be read from the file, for the token estimate.
 */
export type MediaPart =
	| { type: 'image'; url: string }
	| { type: 'file'; filename: string; url: string; pages?: number };

/** An input beyond text that a model must accept, as `/models` publishes it in `input_modalities`. */
export type InputModality = MediaPart['type'];

/** OpenRouter's `cache_control: {type: 'ephemeral'}`, kept 5 minutes unless the TTL says 1 h. */
export interface CacheMark {
	ttl?: '1h';
}

/** A function the model may call; `parameters` is its JSON Schema. */
export interface ToolDefinition {
	name: string;
	description?: string;
	parameters: Record<string, unknown>;
	/** OpenAI's strict mode: the arguments must match `parameters` exactly. */
	strict?: boolean;
}

/** A call in a served answer, with its arguments parsed: the core refuses arguments that are not JSON. */
export interface AnsweredToolCall extends ToolCall {
	input: unknown;
}

/** Whether the model may call a tool (auto), must not (none), must call one (required) or must call the one named. */
export type ToolChoice = 'auto' | 'none' | 'required' | { function: string };

export type Tier = 'cheap' | 'strong';

/**
 * gateway: one request carries the chain as OpenRouter's `models` array and the gateway fails over.
 * client:  one model per request; the core walks the chain.
 * both:    every request carries the next models no request has covered yet, and if it still fails
 *           the core sends the next request from where the gateway got to.
 */
export type FallbackMode = 'gateway' | 'client' | 'both';

export type ResponseFormat =
	| { type: 'text' }
	| { type: 'json_object' }
	| {
			type: 'json_schema';
			name: string;
			schema: Record<string, unknown>;
			strict: boolean;
			/** The schema compiled while the plan was read: where an answer breaks it, one line per problem. */
			validate: (value: unknown) => string[];
	  };

export type ReasoningEffort = 'minimal' | 'low' | 'medium' | 'high';

/** OpenRouter's provider routing preferences, in its wire names. */
export interface ProviderPreferences {
	sort?: 'price' | 'throughput' | 'latency';
	order?: string[];
	allow_fallbacks?: boolean;
	data_collection?: 'allow' | 'deny';
	zdr?: boolean;
	max_price?: { prompt?: number; completion?: number };
	only?: string[];
	ignore?: string[];
	quantizations?: Quantization[];
	require_parameters?: boolean;
}

/** The precisions OpenRouter's `provider.quantizations` takes. */
export const QUANTIZATIONS = [
	'int4',
	'int8',
	'fp4',
	'fp6',
	'fp8',
	'fp16',
	'bf16',
	'fp32',
	'unknown',
] as const;

export type Quantization = (typeof QUANTIZATIONS)[number];

/** What is sent for every attempt, whatever model serves it. */
export interface CompletionOptions {
	temperature?: number;
	maxTokens?: number;
	topP?: number;
	seed?: number;
	stop?: string[];
	responseFormat?: ResponseFormat;
	reasoningEffort?: ReasoningEffort;
	/** A token budget for reasoning, instead of an effort. */
	reasoningMaxTokens?: number;
	/** The model still reasons, but the gateway leaves the text out of the answer. */
	excludeReasoning?: boolean;
	provider?: ProviderPreferences;
	tools?: ToolDefinition[];
	toolChoice?: ToolChoice;
}

export interface RetryPolicy {
	/** Extra tries of the same model after a retryable failure. */
	retriesPerModel: number;
	/** First backoff; doubles on each retry of the same model. */
	baseDelayMs: number;
	maxDelayMs: number;
	/** A Retry-After longer than this moves on to the next model instead of waiting. */
	maxRetryAfterMs: number;
	attemptTimeoutMs: number;
	/** Overall budget for one item, all attempts and waits included. */
	deadlineMs?: number;
	/** How many model ids OpenRouter accepts in one `models` array. */
	gatewayModelsCap: number;
}

export interface RoutePlan {
	/** The ordered chain: primary model first, then fallbacks. Never empty, no repeats. */
	models: string[];
	tier?: Tier;
	fallbackMode: FallbackMode;
	messages: ChatMessage[];
	completion: CompletionOptions;
	policy: RetryPolicy;
	/** Treat the first N models as failed without calling them: a deliberate fallback drill. */
	drillFailures?: number;
	/** Max Cost per Item (USD): what all of the item's calls may cost together, worst cases counted. */
	maxCostUsd?: number;
	includeRaw?: boolean;
	/** After each answer, read its stats from the gateway (Generation Stats): the cost as billed, the cache discount, the provider's token counts. */
	generationStats?: boolean;
}

export type FailureKind =
	| 'rate_limited'
	| 'server_error'
	| 'timeout'
	| 'connection'
	| 'malformed_response'
	| 'empty_response'
	| 'upstream_error'
	| 'model_unavailable'
	| 'bad_request'
	| 'unauthorized'
	| 'insufficient_credit'
	| 'forbidden'
	| 'aborted'
	| 'invalid_output'
	| 'unexpected';

export type SkipReason =
	| 'circuit open'
	| 'over budget'
	| 'cost unknown'
	| 'fallback drill'
	/** Cascade: an earlier stage already got this model's answer and did not accept it. */
	| 'answer rejected'
	/** The model's published input modalities lack one the messages need (an image, a file). */
	| 'modality';

export type AttemptOutcome = 'success' | 'error' | 'skipped';

/** Which step of a cascade an attempt belonged to. */
export type CascadeStage = 'cheap' | 'repair' | 'strong';

export interface Attempt {
	/** The model asked for (the first of `models` for a gateway request). */
	model: string;
	/** The whole `models` array, for a request the gateway could fail over within. */
	models?: string[];
	/** The model that answered, when it answered. */
	servedBy?: string;
	outcome: AttemptOutcome;
	kind?: FailureKind;
	skipped?: SkipReason;
	status?: number;
	error?: string;
	/** Wait before this attempt (backoff or Retry-After). */
	waitMs: number;
	latencyMs: number;
	/** What a call that got an answer cost, used or not (null when unknown). */
	costUsd?: number | null;
	/** The tokens of a call that got an answer, as the gateway counted them. */
	usage?: Usage;
	stage?: CascadeStage;
}

export interface Usage {
	promptTokens: number;
	completionTokens: number;
	totalTokens: number;
	/** Prompt tokens read from the provider's prompt cache. */
	cachedTokens: number;
	/** Prompt tokens written to it (Cache Control). */
	cacheWriteTokens: number;
	reasoningTokens: number;
	/**
	 * The provider's own counts, from the generation's stats (Generation Stats); on an item, present
	 * when every call that got an answer reported the count.
	 */
	nativePromptTokens?: number;
	nativeCompletionTokens?: number;
	nativeReasoningTokens?: number;
	nativeCachedTokens?: number;
}

/** The Usage fields that come from the generation's stats rather than the answer. */
export const NATIVE_TOKEN_FIELDS = [
	'nativePromptTokens',
	'nativeCompletionTokens',
	'nativeReasoningTokens',
	'nativeCachedTokens',
] as const;

export type NativeTokenField = (typeof NATIVE_TOKEN_FIELDS)[number];

/**
 * generation: the gateway's stats of every paid call (`total_cost`, Generation Stats);
 * gateway: the gateway's accounting in the answers (`usage.cost`), for at least one call;
 * estimate: published price × tokens, for at least one call; unknown: some call's cost is not known.
 */
export type CostSource = 'generation' | 'gateway' | 'estimate' | 'unknown';

export interface Cost {
	totalUsd: number | null;
	source: CostSource;
	/** Of totalUsd, what providers charged the user's own keys (BYOK), when the gateway reported it. */
	upstreamUsd?: number;
	/** What prompt caching saved, as the gateway reported it (negative when cache writes cost more than reads saved). */
	cacheDiscountUsd?: number;
	/** Why Generation Stats could not supply a call's figures (the answer's own figures were used). */
	generationError?: string;
}

export interface RouteResult {
	content: string;
	/** The model's reasoning text, when it returned one. */
	reasoning: string | null;
	/** The tools the model called instead of (or besides) answering. */
	toolCalls?: AnsweredToolCall[];
	/** Parsed answer when the response format asks for JSON. */
	json?: unknown;
	/** The model that served, as the gateway named it. */
	model: string;
	/** The same model as the chain spells it (the gateway may name a dated variant or a router's pick). */
	chainModel: string;
	requestedModel: string;
	provider: string | null;
	tier: Tier | null;
	fallbackUsed: boolean;
	attempts: Attempt[];
	/** The tokens of every call the item made, as `cost` is the cost of every call. */
	usage: Usage;
	cost: Cost;
	/** Integer nano-dollars behind cost.totalUsd, so totals add up exactly. */
	costNanoUsd: number | null;
	latencyMs: number;
	generationId: string | null;
	finishReason: string | null;
	drill: boolean;
	raw?: unknown;
	/** Set by a cascade: whether the strong tier had to answer, and why. */
	escalated?: boolean;
	escalationReason?: string | null;
	repaired?: boolean;
	/** Cascade checks the final (strong) answer did not pass; it is kept as the best available. */
	unmetChecks?: string[];
}
