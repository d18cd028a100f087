/**
 * The routing core's public API: a plan and a client in; content, every attempt,
 * usage and cost out. Nothing here imports n8n.
 */
export { routeItem, candidateModels, type ItemPlan, type RoutedItem } from './routeItem';
export { routeChat, streamChat, type RouteContext } from './routeChat';
export { routeCascade, type CascadePlan } from './cascade';
export { chooseRoute, type RoutingRule, type RuleCondition, type RuleTarget } from './routingRules';
export { RouteError, type RouteErrorReason, type RejectedAnswer } from './routeError';
export type {
	CallOptions,
	ChatClient,
	ChatRequest,
	ChatCompletion,
	ModelInfo,
	ModelPrice,
	StreamDelta,
} from './chatClient';
export { GatewayError, GatewayStatusError, type ClientFailureKind } from './gatewayError';
export { usdToPico } from './money';
export type { Clock } from './clock';
export { CircuitBreaker, type CircuitBreakerSettings } from './circuitBreaker';
export { PricingCache, type PriceBook } from './pricingCache';
export { ExecutionBudget } from './executionBudget';
export { summarizeCosts, type CostSummary, type ItemOutcome } from './costSummary';
export { mapWithConcurrency } from './concurrency';
export { estimatePromptTokens } from './tokenEstimate';
export { attempt, settle, type Settled } from './settle';
export type { QualityChecks } from './qualityChecks';
export type * from './types';
