/**
 * The routing core's public API: a plan and a client in; content, every attempt,
 * usage and cost out. Nothing here imports n8n.
 *
 * Glossary:
 * - chain: the ordered models for one item (the chosen models, then the fallbacks).
 * - request: one HTTP call; it may carry several models for the gateway to fail over within.
 *   A request covers the models the gateway may have reached; a covered model is asked again
 *   only through Retries per Model.
 * - attempt: the record of one request (or of a model skipped without one).
 * - served: the answer kept; its chain model is the chain's spelling of the model that gave it.
 * - ledger: the attempts and cost of one item, across a cascade's stages.
 * - worst case: the most a call could cost, published price × (prompt estimate + Max Tokens).
 * - item budget / execution budget: Max Cost per Item / per Execution.
 * - reservation: a call's worst case held against the execution budget while it is in flight.
 * - delta: a piece of a streamed answer (text, or part of a tool call); the first one passed on
 *   commits the answer to its model (streamChat falls back only before it). A tool call's pieces
 *   are passed on only when tools are offered.
 * - tool call: a function the model asks the caller to run; its result comes back as a `tool` message.
 * - generation stats: what the gateway recorded of one answer once it billed it (OpenRouter's
 *   GET /generation): the cost as billed, the cache discount, the provider's own token counts.
 * - media: an image or file part of a message; a model whose published input modalities lack one
 *   the messages carry is skipped (`modality`).
 */
export { routeItem, canStream, candidateModels, type ItemPlan, type RoutedItem } from './routeItem';
export { routeChat, streamChat, type RouteContext } from './routeChat';
export { routeCascade, type CascadePlan } from './cascade';
export { chooseRoute, type RoutingRule, type RuleCondition, type RuleTarget } from './routingRules';
export { RouteError, type RouteErrorReason, type RejectedAnswer } from './routeError';
export type {
	CallOptions,
	ChatClient,
	ChatRequest,
	ChatCompletion,
	GenerationStats,
	ModelInfo,
	ModelPrice,
	StreamDelta,
} from './chatClient';
export { GatewayError, GatewayStatusError, type ClientFailureKind } from './gatewayError';
export { nanoToUsd, usdToNano, usdToPico } from './money';
export type { Clock } from './clock';
export type { CostFigure } from './cost';
export { CircuitBreaker, type CircuitBreakerSettings } from './circuitBreaker';
export { PricingCache, type PriceBook } from './pricingCache';
export { ExecutionBudget, type Reservation } from './executionBudget';
export { ItemBudget } from './itemBudget';
export { itemSpend, summarizeCosts, type CostSummary, type ItemOutcome } from './costSummary';
export { mapWithConcurrency } from './concurrency';
export { dataUrlBytes, estimatePromptTokens } from './tokenEstimate';
export { neededModalities } from './inputModalities';
export { attempt, settle, type Settled } from './settle';
export type { QualityChecks } from './qualityChecks';
export { compilePattern, PatternError, type PatternFlag, type TextPattern } from './textPattern';
export type * from './types';
export { QUANTIZATIONS } from './types';
