/**
 * How a scripted model misbehaves on one request.
 *
 * Only `status` faults are failures the gateway itself falls back on (to the next entry of `models`);
 * every other kind is how the gateway's own answer misbehaves, so it reaches the client as is.
 */
export type Fault =
	/** An HTTP error with OpenRouter's error body; `retryAfter` is sent verbatim as the Retry-After header. */
	| {
			status: number;
			retryAfter?: string;
			message?: string;
			/** The provider's own error, which OpenRouter passes on as `error.metadata.raw` with `provider_name`. */
			raw?: string;
	  }
	/** Never answers, until the client aborts or the gateway closes. */
	| { kind: 'hang' }
	/** Sends status 200, the headers and part of the body, then destroys the socket. */
	| { kind: 'reset' }
	/** 200 with a body that is not JSON. */
	| { kind: 'malformed' }
	/** 200 with `choices: []`. */
	| { kind: 'empty-choices' }
	/** 200 whose body is `{error: {code, message}}`, as OpenRouter reports some upstream failures. */
	| { kind: 'error-in-200'; code?: number; message?: string }
	/** Streamed requests only: the stream breaks after `afterChunks` content chunks (see streamAnswer.ts). */
	| StreamFault;

export type StreamFault =
	| { kind: 'stream-error'; afterChunks: number; code?: number; message?: string }
	| { kind: 'stream-drop'; afterChunks: number };

export type StatusFault = Extract<Fault, { status: number }>;

/** Awaited before a streamed answer's content chunk `index` (0-based) is written; one that rejects drops the connection there. */
export type StreamGate = (index: number) => Promise<void>;

export interface MockModel {
	id: string;
	/**
	 * USD per token, as decimal strings (OpenRouter's format); `request`, USD per request (a search
	 * model's fee, as Perplexity's Sonar publishes), is billed on every answer and defaults to '0';
	 * `inputCacheWrite`, published as `input_cache_write`, is what a prompt token written to the cache
	 * costs (1.25 × the prompt price, Anthropic's, when not set).
	 */
	pricing: { prompt: string; completion: string; request?: string; inputCacheWrite?: string };
	/** Display name on /models; defaults to the id. */
	name?: string;
	contextLength?: number;
	/** Reported as the response's top-level `provider`; defaults to 'MockProvider'. */
	provider?: string;
	/** The `model` the answer reports when it is not the id asked for (a dated variant, `openrouter/auto`'s pick). */
	answerAs?: string;
	/**
	 * Streamed answers wait for this before each content chunk: an in-process test (the e2e streaming
	 * check) holds a stream open until it has seen the first tokens arrive downstream.
	 */
	streamGate?: StreamGate;
	/** Real-time delay before this model answers or fails, per attempt. */
	latencyMs?: number;
	/** Consumed one per request reaching this model, in order (`null`: that request succeeds); once empty the model succeeds. */
	faults?: Array<Fault | null>;
	/** A model that is down: every request to it fails this way (the fault queue is left alone). */
	down?: Fault;
	/** Content of the answer; defaults to `<id> answered: <first 60 chars of the last user message>`. */
	reply?: string | ((request: RecordedChatRequest) => string);
	/** The model's tokenizer: characters per token (default 4). Models count the same text differently. */
	charsPerToken?: number;
	/** Replaces the counted completion tokens (which include `reasoningTokens`). */
	completionTokens?: number;
	/** Reported in completion_tokens_details and counted into completion tokens. */
	reasoningTokens?: number;
	/** Reasoning text, for a request carrying `reasoning`: sent as `message.reasoning`, its tokens counted (reasoning.ts). */
	reasoning?: string;
	/** Sends its reasoning text even when the request excludes it, as a provider that ignores `exclude` may. */
	ignoresExclude?: boolean;
	/**
	 * Reported in prompt_tokens_details; all prompt tokens are billed at the prompt price. (Cache
	 * marks are billed as a provider bills them: see usage.ts.)
	 */
	cachedTokens?: number;
	finishReason?: string;
	/** Declines with this text: `message.refusal` with `content: null` (streamed as `delta.refusal`), billed as an answer. */
	refusal?: string;
	/** When false, usage carries no `cost` (as for some providers). Defaults to true. */
	reportCost?: boolean;
	/** Calls this tool (when the request offers it) until its result is in the conversation. */
	/** `madeUp`: the model calls the function even when the request does not offer it (or any tool), as models sometimes do. */
	toolUse?: { name: string; arguments: string; madeUp?: boolean };
	/**
	 * Served with the user's own provider key (BYOK): the provider charges the full price to that key
	 * (`cost_details.upstream_inference_cost`) and OpenRouter charges its fee, 5% of it, as `cost`.
	 */
	byok?: boolean;
	/** Leave `usage.total_tokens` out, as some OpenAI-compatible gateways do. */
	omitTotalTokens?: boolean;
	/** Published as `architecture.input_modalities` (default `['text']`); an image needs `image`. */
	inputModalities?: Array<'text' | 'image' | 'file'>;
	/** How GET /generation answers for this model's answers (generation.ts). */
	generationStats?: GenerationBehaviour;
}

/** The stats of an answer as OpenRouter keeps them: written a moment after the answer, and fallible. */
export interface GenerationBehaviour {
	/** Each generation's first `lag` lookups answer 404, as OpenRouter's do until the stats are written. */
	lag?: number;
	/** Every lookup fails this way. */
	fault?: StatusFault;
	/** Send `total_cost: null` (OpenRouter's schema requires it: a robustness case). */
	omitTotalCost?: boolean;
	/** Awaited before each lookup is answered: a test holds the stats while the client waits for them. */
	hold?: () => Promise<void>;
}

export interface MockGatewayOptions {
	models: MockModel[];
	/** Defaults to 'sk-or-test-key'. */
	apiKey?: string;
	/** Defaults to 0: an ephemeral port. */
	port?: number;
	/** Defaults to 127.0.0.1. */
	host?: string;
	/**
	 * Answer as a strict OpenAI-compatible server instead of OpenRouter (strictServer.ts), under
	 * `/v1` as such servers do, where OpenRouter serves `/api/v1`.
	 */
	strict?: boolean;
	/** Told whenever a request starts to hang (the `hang` fault): a test on its own time lets the client's attempt timeout pass then. */
	onHang?: () => void;
}

export interface ChatMessage {
	role: string;
	content?: unknown;
	[field: string]: unknown;
}

/** The OpenAI chat request plus the OpenRouter fields the gateway reads or records. */
export interface ChatRequestBody {
	model?: string;
	models?: string[];
	messages: ChatMessage[];
	provider?: Record<string, unknown>;
	reasoning?: Record<string, unknown>;
	response_format?: Record<string, unknown>;
	usage?: { include?: boolean };
	[field: string]: unknown;
}

export interface ChatRouting {
	/** Models the gateway tried, in order, including the one that served. */
	tried: string[];
	/** The model whose answer was sent (possibly a misbehaving one), or null when every model failed. */
	served: string | null;
}

export interface RecordedRequest {
	method: string;
	/** Path below the base URL, without the query string, e.g. '/chat/completions'. */
	path: string;
	/** Lower-case names; repeated headers joined with ', '. */
	headers: Record<string, string>;
	/** Parsed JSON body; undefined when there was none or it was not JSON. */
	body?: unknown;
	/** Present on valid chat completion requests. */
	chat?: ChatRouting;
}

export interface RecordedChatRequest extends RecordedRequest {
	body: ChatRequestBody;
	chat: ChatRouting;
}

export interface MockGateway {
	/** e.g. http://127.0.0.1:PORT/api/v1 */
	baseUrl: string;
	apiKey: string;
	/** Every request received, in arrival order. */
	requests: RecordedRequest[];
	/** Requests not answered in full whose connection the client has not closed (a hung request until it is aborted). */
	openRequests(): number;
	/** Adds or replaces a model's script, restarting its fault queue. */
	setModel(model: MockModel): void;
	/** Clears the recorded requests, the key's spend and restores the initial scripts. */
	reset(): void;
	/** Closes the server, destroying open (hanging) sockets. */
	close(): Promise<void>;
}
