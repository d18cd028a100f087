import type { ChatClient, ChatCompletion, StreamDelta } from './chatClient';
import type { CircuitBreaker } from './circuitBreaker';
import type { Clock } from './clock';
import { checkAnswer } from './checkAnswer';
import { completionCost, type CostFigure, sumCosts, worstCaseNano } from './cost';
import { classifyFailure, kindPolicy, type Failure } from './failure';
import { nanoToUsd, usdToNano } from './money';
import type { PriceBook } from './pricingCache';
import { requestSteps } from './requestSteps';
import { settle } from './settle';
import { type RejectedAnswer, RouteError } from './routeError';
import { estimatePromptTokens } from './tokenEstimate';
import type { Attempt, RoutePlan, RouteResult, SkipReason } from './types';

export interface RouteContext {
	client: ChatClient;
	clock: Clock;
	/** Aborts in-flight requests and stops further attempts (n8n's execution cancel signal). */
	signal?: AbortSignal;
	/** Shared by the items of one execution, so a dead model is not waited on by each. */
	breaker?: CircuitBreaker;
	/** Published prices, loaded lazily: only a budget or a missing gateway cost needs them. */
	prices?: () => Promise<PriceBook | undefined>;
}

type StepOutcome = { served: RouteResult } | { failure: Failure };

/** Sends one item's messages along the plan's chain until a model gives a usable answer. */
export async function routeChat(plan: RoutePlan, context: RouteContext): Promise<RouteResult> {
	const route = new Route(plan, context);
	return await route.run();
}

/**
 * routeChat with the answer streamed to `onDelta`. The chain is walked as
 * routeChat walks it until a model's first token; after that the answer is
 * that model's, and a failure ends the route with a RouteError naming the
 * model and the cause (the attempt, and any cost, stay in its ledger).
 */
export async function streamChat(
	plan: RoutePlan,
	context: RouteContext,
	onDelta: (delta: StreamDelta) => void,
): Promise<RouteResult> {
	const route = new Route(plan, context, onDelta);
	return await route.run();
}

class Route {
	private readonly attempts: Attempt[] = [];
	private readonly started: number;
	private readonly deadline: number;
	private readonly skipped = new Set<string>();
	private readonly costs: CostFigure[] = [];
	private rejected: RejectedAnswer | undefined;

	constructor(
		private readonly plan: RoutePlan,
		private readonly context: RouteContext,
		private readonly onDelta?: (delta: StreamDelta) => void,
	) {
		this.started = context.clock.now();
		this.deadline =
			plan.policy.deadlineMs === undefined ? Infinity : this.started + plan.policy.deadlineMs;
	}

	async run(): Promise<RouteResult> {
		const { plan } = this;
		const budgetPrices = plan.maxCostUsd === undefined ? undefined : await this.context.prices?.();
		let lastFailure: Failure | undefined;
		for (const step of requestSteps(plan.models, plan.fallbackMode, plan.policy.gatewayModelsCap)) {
			const models = step.filter((model) => this.admit(model, budgetPrices));
			if (models.length === 0) continue;
			const outcome = await this.tryStep(models);
			if ('served' in outcome) return outcome.served;
			lastFailure = outcome.failure;
		}
		throw this.exhausted(lastFailure);
	}

	/** Records why a model is passed over, once per model, and says whether it may be called. */
	private admit(model: string, prices: PriceBook | undefined): boolean {
		const reason = this.skipReason(model, prices);
		if (!reason) return true;
		if (!this.skipped.has(model)) {
			this.skipped.add(model);
			this.attempts.push({ model, outcome: 'skipped', skipped: reason, waitMs: 0, latencyMs: 0 });
		}
		return false;
	}

	private skipReason(model: string, prices: PriceBook | undefined): SkipReason | undefined {
		const { plan } = this;
		if (plan.models.indexOf(model) < (plan.drillFailures ?? 0)) return 'fallback drill';
		if (this.context.breaker?.isOpen(model)) return 'circuit open';
		const price = prices?.get(model);
		if (price && plan.maxCostUsd !== undefined && plan.completion.maxTokens !== undefined) {
			const worst = worstCaseNano(
				price,
				estimatePromptTokens(plan.messages),
				plan.completion.maxTokens,
			);
			if (worst > usdToNano(plan.maxCostUsd)) return 'over budget';
		}
		return undefined;
	}

	private async tryStep(models: string[]): Promise<StepOutcome> {
		const { policy } = this.plan;
		let failure: Failure | undefined;
		for (let retry = 0; ; retry++) {
			const waitMs = failure ? this.backoff(retry, failure) : 0;
			await this.wait(waitMs);
			const outcome = await this.attempt(models, waitMs);
			if ('served' in outcome) return outcome;
			failure = outcome.failure;
			const canRetry =
				kindPolicy[failure.kind].retrySameModel &&
				retry < policy.retriesPerModel &&
				(failure.retryAfterMs ?? 0) <= policy.maxRetryAfterMs;
			if (!canRetry) return outcome;
		}
	}

	private async attempt(models: string[], waitMs: number): Promise<StepOutcome> {
		const { client, clock, signal } = this.context;
		const [model] = models;
		const startedAt = clock.now();
		const base = { model, models: models.length > 1 ? models : undefined, waitMs };
		const request = {
			model,
			models,
			messages: this.plan.messages,
			completion: this.plan.completion,
		};
		const options = {
			signal,
			timeoutMs: Math.min(this.plan.policy.attemptTimeoutMs, this.remaining()),
		};
		let streaming = false;
		let completion: ChatCompletion;
		try {
			completion =
				this.onDelta && client.stream
					? await client.stream(request, options, (delta) => {
							streaming = true;
							this.onDelta?.(delta);
						})
					: await client.complete(request, options);
		} catch (error) {
			const failure = signal?.aborted
				? { kind: 'aborted' as const, message: 'Cancelled' }
				: classifyFailure(error, clock.now());
			this.attempts.push({
				...base,
				outcome: 'error',
				kind: failure.kind,
				status: failure.status,
				error: failure.message,
				latencyMs: clock.now() - startedAt,
			});
			if (kindPolicy[failure.kind].retrySameModel) this.context.breaker?.recordFailure(model);
			if (streaming) throw this.brokenStream(failure);
			if (!kindPolicy[failure.kind].failOver) throw this.stopped(failure);
			return { failure };
		}
		const latencyMs = clock.now() - startedAt;
		this.context.breaker?.recordSuccess(completion.model);
		const cost = await this.costOf(completion);
		const served = {
			...base,
			servedBy: completion.model,
			latencyMs,
			costUsd: cost.nanoUsd === null ? null : nanoToUsd(cost.nanoUsd),
		};
		const check = checkAnswer(completion, this.plan.completion.responseFormat);
		if (!check.ok) {
			const failure: Failure = { kind: 'invalid_output', message: check.error };
			this.rejected = {
				model: completion.model,
				content: completion.content,
				problems: [check.error],
				repairable: true,
			};
			this.attempts.push({
				...served,
				outcome: 'error',
				kind: failure.kind,
				error: failure.message,
			});
			if (streaming) throw this.brokenStream(failure);
			return { failure };
		}
		this.attempts.push({ ...served, outcome: 'success' });
		// A client that cannot stream answers whole: the caller still gets the answer as deltas.
		if (this.onDelta && !streaming) emitWhole(completion, this.onDelta);
		return { served: this.result(completion, check.json) };
	}

	private async costOf(completion: ChatCompletion): Promise<CostFigure> {
		const price =
			completion.gatewayCostUsd === null
				? (await this.context.prices?.())?.get(completion.model)
				: undefined;
		const cost = completionCost(completion, price);
		this.costs.push(cost);
		return cost;
	}

	private result(completion: ChatCompletion, json: unknown): RouteResult {
		const cost = sumCosts(this.costs);
		const requestedModel = this.plan.models[0];
		return {
			content: completion.content,
			toolCalls: completion.toolCalls,
			json,
			model: completion.model,
			requestedModel,
			provider: completion.provider,
			tier: this.plan.tier ?? null,
			fallbackUsed: completion.model !== requestedModel,
			attempts: this.attempts,
			usage: completion.usage ?? {
				promptTokens: 0,
				completionTokens: 0,
				totalTokens: 0,
				cachedTokens: 0,
				reasoningTokens: 0,
			},
			cost: {
				totalUsd: cost.nanoUsd === null ? null : nanoToUsd(cost.nanoUsd),
				source: cost.source,
			},
			costNanoUsd: cost.nanoUsd,
			latencyMs: this.context.clock.now() - this.started,
			generationId: completion.id,
			finishReason: completion.finishReason,
			drill: (this.plan.drillFailures ?? 0) > 0,
			raw: this.plan.includeRaw ? completion.raw : undefined,
		};
	}

	private backoff(retry: number, failure: Failure): number {
		const { baseDelayMs, maxDelayMs } = this.plan.policy;
		const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1));
		return Math.max(exponential, failure.retryAfterMs ?? 0);
	}

	private async wait(ms: number): Promise<void> {
		const { clock, signal } = this.context;
		if (signal?.aborted) throw this.stopped({ kind: 'aborted', message: 'Cancelled' });
		if (this.remaining() <= ms) {
			throw new RouteError(
				`No answer within the ${this.plan.policy.deadlineMs} ms deadline (${countOf(this.attempts.length, 'attempt')})`,
				'deadline',
				this.attempts,
				undefined,
				this.spentNano(),
			);
		}
		if (ms <= 0) return;
		const slept = await settle(clock.sleep(ms, signal));
		if (signal?.aborted) throw this.stopped({ kind: 'aborted', message: 'Cancelled' });
		if (!slept.ok) throw slept.error;
	}

	private remaining(): number {
		return this.deadline - this.context.clock.now();
	}

	private stopped(failure: Failure): RouteError {
		const last = this.attempts.at(-1);
		const where = last && failure.kind !== 'aborted' ? ` from ${last.model}` : '';
		return new RouteError(
			`${failure.message}${where}`,
			failure.kind,
			this.attempts,
			failure.status,
			this.spentNano(),
			this.rejected,
		);
	}

	/** After its first token the answer is this model's: no other model may take over. */
	private brokenStream(failure: Failure): RouteError {
		const model = this.attempts.at(-1)?.model;
		return new RouteError(
			`${model} failed after its answer began streaming: ${failure.message}`,
			failure.kind,
			this.attempts,
			failure.status,
			this.spentNano(),
		);
	}

	private exhausted(lastFailure: Failure | undefined): RouteError {
		const tried = this.attempts.filter((attempt) => attempt.outcome !== 'skipped').length;
		const message = lastFailure
			? `Every model failed (${countOf(tried, 'attempt')}); the last: ${lastFailure.message}`
			: `Every model was skipped (${this.attempts.map((a) => `${a.model}: ${a.skipped}`).join(', ')})`;
		return new RouteError(
			message,
			'exhausted',
			this.attempts,
			lastFailure?.status,
			this.spentNano(),
			this.rejected,
		);
	}

	private spentNano(): number {
		return sumCosts(this.costs).nanoUsd ?? 0;
	}
}

function emitWhole(completion: ChatCompletion, onDelta: (delta: StreamDelta) => void): void {
	if (completion.content) onDelta({ type: 'text', text: completion.content });
	completion.toolCalls?.forEach((call, index) =>
		onDelta({ type: 'tool-call', index, id: call.id, name: call.name, arguments: call.arguments }),
	);
}

function countOf(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
