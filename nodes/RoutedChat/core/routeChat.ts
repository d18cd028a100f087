import type { ChatClient, ChatCompletion, StreamDelta } from './chatClient';
import type { CircuitBreaker, RequestId } from './circuitBreaker';
import type { Clock } from './clock';
import { type AnswerCheck, checkAnswer } from './checkAnswer';
import { type Admission, BudgetGate } from './budgetGate';
import { carriesCost, completionCost, type CostFigure, reportedCost, sumCosts } from './cost';
import type { ExecutionBudget } from './executionBudget';
import { classifyFailure, kindPolicy, type Failure } from './failure';
import { ItemBudget } from './itemBudget';
import { nanoToUsd } from './money';
import type { PriceBook } from './pricingCache';
import { lookUpGenerationStats, type StatsLookup } from './generationStats';
import { nextRequest } from './requestSteps';
import { missingModality, neededModalities } from './inputModalities';
import { servedPosition } from './servedPosition';
import { attempt as attemptStep, settle } from './settle';
import { type RejectedAnswer, RouteError } from './routeError';
import { promptTokenBound } from './tokenEstimate';
import { sumUsage } from './usage';
import type {
	Attempt,
	CompletionOptions,
	InputModality,
	RoutePlan,
	RouteResult,
	SkipReason,
	Usage,
} from './types';

export interface RouteContext {
	client: ChatClient;
	clock: Clock;
	/** Aborts in-flight requests and stops further attempts (n8n's execution cancel signal). */
	signal?: AbortSignal;
	/** Shared by the items of one execution, so a dead model is not waited on by each. */
	breaker?: CircuitBreaker;
	/** Published prices, loaded lazily: only a budget, a missing gateway cost or media needs them. */
	prices?: () => Promise<PriceBook | undefined>;
	/** Max Cost per Execution, shared by the items of one run. */
	budget?: ExecutionBudget;
	/** Max Cost per Item, when several routes (a cascade's stages) share one item's cap; else made from the plan. */
	itemBudget?: ItemBudget;
	/** The Item Deadline as a time on the clock, when several routes share one item's; else from the plan. */
	deadline?: number;
	/** Models whose answer an earlier stage of the item (a cascade's cheap stage) rejected. */
	rejected?: ReadonlySet<string>;
}

/** A cancel (n8n's, or the node stopping its other items): no fault of any model's. */
const CANCELLED: Readonly<Failure> = { kind: 'aborted', message: 'Cancelled' };

/** A request's outcome; `answeredAt` is the position in its models of the model whose answer was rejected. */
type StepOutcome = { served: RouteResult } | { failure: Failure; answeredAt?: number };

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
	/** Models no later request may ask: covered by an earlier request, or skipped. */
	private readonly done = new Set<string>();
	private readonly costs: CostFigure[] = [];
	private rejected: RejectedAnswer | undefined;
	/** Set when a retry was dropped because its wait would not end before the deadline. */
	private cutByDeadline = false;
	/** The inputs beyond text the messages carry: a model that publishes none of one is skipped. */
	private readonly needs: InputModality[];
	private prices: PriceBook | undefined;

	constructor(
		private readonly plan: RoutePlan,
		private readonly context: RouteContext,
		private readonly onDelta?: (delta: StreamDelta) => void,
	) {
		this.started = context.clock.now();
		this.deadline =
			context.deadline ??
			(plan.policy.deadlineMs === undefined ? Infinity : this.started + plan.policy.deadlineMs);
		this.needs = neededModalities(plan.messages);
	}

	async run(): Promise<RouteResult> {
		const { plan, context } = this;
		const itemBudget =
			context.itemBudget ??
			(plan.maxCostUsd === undefined ? undefined : new ItemBudget(plan.maxCostUsd));
		const capped = itemBudget !== undefined || context.budget !== undefined;
		// The published list holds both the prices and each model's input modalities.
		this.prices = capped || this.needs.length ? await this.priceBook() : undefined;
		this.refuseUnsupportedInput();
		const gate = new BudgetGate(
			this.prices,
			() => promptTokenBound(plan.messages, plan.completion.tools),
			plan.completion.maxTokens,
			itemBudget,
			context.budget,
		);
		this.passOverRejected(gate);
		const isOpen = (model: string) => !this.done.has(model) && this.admit(model, gate);
		let lastFailure: Failure | undefined;
		// A gateway that cannot fail over within `models` (anything but OpenRouter) gets one model per request.
		const gatewayCap = Math.min(
			plan.policy.gatewayModelsCap,
			context.client.modelsPerRequest ?? Infinity,
		);
		for (;;) {
			const models = nextRequest(plan.models, plan.fallbackMode, gatewayCap, isOpen);
			if (models.length === 0) break;
			if (this.remaining() <= 0) throw this.pastDeadline();
			const outcome = await this.tryStep(models, gate);
			if ('served' in outcome) return outcome.served;
			lastFailure = outcome.failure;
			this.cover(models, outcome.answeredAt);
		}
		throw this.cutByDeadline ? this.pastDeadline() : this.exhausted(lastFailure);
	}

	/**
	 * After a failed request, which of its models the gateway may have reached. An answer (rejected)
	 * came from `answeredAt`, the models before it having failed; without an answer (an error status,
	 * a timeout, a broken body) the gateway may have reached any of them. In gateway mode a request's
	 * whole slice is done. Asking a covered model again is left to Retries per Model.
	 */
	private cover(models: readonly string[], answeredAt: number | undefined): void {
		const reached =
			answeredAt === undefined || this.plan.fallbackMode === 'gateway'
				? models
				: models.slice(0, answeredAt + 1);
		for (const model of reached) this.done.add(model);
	}

	/**
	 * A model whose answer an earlier stage rejected is skipped (`answer rejected`), since asking it
	 * again would pay for the same answer; unless no other model of the chain may be asked (all
	 * rejected, or skipped for the drill, an open circuit, the caps): the chain is what the workflow
	 * asked for. A model skipped for another reason is recorded with that reason.
	 */
	private passOverRejected(gate: BudgetGate): void {
		const { rejected } = this.context;
		if (!rejected?.size) return;
		const askable = this.plan.models.filter((model) => !this.skipReason(model, gate));
		if (askable.every((model) => rejected.has(model))) return;
		for (const model of askable) if (rejected.has(model)) this.skip(model, 'answer rejected');
	}

	/** Records why a model is passed over, once per model, and says whether it may be called. */
	private admit(model: string, gate: BudgetGate): boolean {
		const reason = this.skipReason(model, gate);
		if (!reason) return true;
		this.skip(model, reason);
		return false;
	}

	/** Records a model passed over without a request; no later request may ask it. */
	private skip(model: string, reason: SkipReason): void {
		this.done.add(model);
		this.attempts.push({ model, outcome: 'skipped', skipped: reason, waitMs: 0, latencyMs: 0 });
	}

	private skipReason(model: string, gate: BudgetGate): SkipReason | undefined {
		if (this.plan.models.indexOf(model) < (this.plan.drillFailures ?? 0)) return 'fallback drill';
		if (this.lacks(model)) return 'modality';
		if (this.context.breaker?.isOpen(model)) return 'circuit open';
		return gate.skipReason(model);
	}

	private lacks(model: string): InputModality | undefined {
		return missingModality(this.needs, this.prices?.get(model)?.inputModalities);
	}

	/** When no model of the chain publishes an input the messages need, the item fails before any call. */
	private refuseUnsupportedInput(): void {
		if (!this.needs.length) return;
		const lacking = this.plan.models.map((model) => ({ model, missing: this.lacks(model) }));
		if (lacking.some(({ missing }) => missing === undefined)) return;
		for (const { model } of lacking) this.skip(model, 'modality');
		const takes = lacking
			.map(({ model }) => `${model} takes ${this.prices?.get(model)?.inputModalities?.join(', ')}`)
			.join('; ');
		throw new RouteError(
			`No model in the chain accepts ${this.needs.join(' and ')} input (${takes})`,
			'unsupported_input',
			this.attempts,
		);
	}

	private async tryStep(models: string[], gate: BudgetGate): Promise<StepOutcome> {
		const { policy } = this.plan;
		let waitMs = 0;
		const request: RequestId = {};
		for (let retry = 0; ; retry++) {
			const outcome = await this.attempt(models, waitMs, gate, request);
			if ('served' in outcome) return outcome;
			const { failure } = outcome;
			const canRetry =
				kindPolicy[failure.kind].retrySameModel &&
				failure.sameAgain !== false &&
				retry < policy.retriesPerModel &&
				gate.fitsItem(models) &&
				(failure.retryAfterMs ?? 0) <= policy.maxRetryAfterMs;
			if (!canRetry || this.circuitOpen(models)) return outcome;
			waitMs = this.backoff(retry + 1, failure);
			// A wait that would outlast the deadline is skipped: the next model may still answer in time.
			if (waitMs >= this.remaining()) {
				this.cutByDeadline = true;
				return outcome;
			}
			await this.wait(waitMs);
			// Other items may have found the model down meanwhile.
			if (this.circuitOpen(models)) return outcome;
		}
	}

	/** Whether the breaker skips every model of a request, so that retrying it is no use. */
	private circuitOpen(models: readonly string[]): boolean {
		const { breaker } = this.context;
		return breaker !== undefined && models.every((model) => breaker.isOpen(model));
	}

	/** Sends one request, once it is admitted under the caps, and records it as an attempt. */
	private async attempt(
		models: string[],
		waitMs: number,
		gate: BudgetGate,
		request: RequestId,
	): Promise<StepOutcome> {
		const { client, clock, signal } = this.context;
		if (signal?.aborted) throw this.stopped(CANCELLED);
		const admission = await gate.admit(models, signal);
		if (signal?.aborted) {
			admission?.settle(0);
			throw this.stopped(CANCELLED);
		}
		if (!admission) throw this.budgetReached(gate.describeRefusal(models));
		const [model] = models;
		const startedAt = clock.now();
		const base = { model, models: models.length > 1 ? models : undefined, waitMs };
		const call = { model, models, messages: this.plan.messages, completion: this.plan.completion };
		const options = {
			signal,
			timeoutMs: Math.min(this.plan.policy.attemptTimeoutMs, this.remaining()),
		};
		let streaming = false;
		const sent = await settle(
			this.onDelta && client.stream && answersAsText(this.plan.completion)
				? client.stream(call, options, (delta) => {
						if (!passesOn(delta, this.plan.completion)) return;
						streaming = true;
						this.onDelta?.(delta);
					})
				: client.complete(call, options),
		);
		const latencyMs = clock.now() - startedAt;
		if (!sent.ok) {
			const failure = signal?.aborted ? CANCELLED : classifyFailure(sent.error, clock.now());
			this.attempts.push({
				...base,
				outcome: 'error',
				kind: failure.kind,
				status: failure.status,
				error: failure.message,
				latencyMs,
			});
			// An error status is not billed; a call that ended any other way (an error reported in a
			// 200 or in the stream included) may have been, unseen.
			admission.settle(failure.refused ? 0 : null);
			if (kindPolicy[failure.kind].retrySameModel)
				this.context.breaker?.recordFailure(blamed(models, failure), request);
			// A cancel is no fault of the model's, even once its answer began.
			if (streaming && failure.kind !== 'aborted') throw this.brokenStream(failure);
			if (!kindPolicy[failure.kind].failOver) throw this.stopped(failure);
			return { failure };
		}
		return await this.answered(sent.value, models, { ...base, latencyMs }, admission, {
			streamed: streaming,
			request,
		});
	}

	/** Records a paid answer: its cost, then whether it is usable as asked. */
	private async answered(
		completion: ChatCompletion,
		models: string[],
		base: Omit<Attempt, 'outcome'>,
		admission: Admission,
		{ streamed, request }: { streamed: boolean; request: RequestId },
	): Promise<StepOutcome> {
		const answeredAt = servedPosition(models, completion.model);
		const asked = models[answeredAt];
		// Caught, not thrown: the call is paid for, so its attempt and cost stay on the record whatever the check does.
		const checked = attemptStep(() => checkAnswer(completion, this.plan.completion));
		const check: AnswerCheck = checked.ok
			? checked.value
			: {
					ok: false,
					error: checked.error instanceof Error ? checked.error.message : String(checked.error),
				};
		// An answer that failed as a call does (finished with an error, came back empty) is a failure
		// of the model that gave it, though paid for; one cut at Max Tokens is the request's doing.
		if (!check.ok && check.kind !== undefined && check.sameAgain !== false)
			this.context.breaker?.recordFailure([asked], request);
		else this.context.breaker?.recordSuccess(asked);
		// The stats come before the caps settle, so that the budgets keep the figure the item reports.
		const lookup = this.plan.generationStats ? await this.readStats(completion) : undefined;
		const prices = carriesCost(completion, lookup) ? undefined : await this.priceBook();
		// The price of the model as the gateway named it, else of the model asked for.
		const price = prices?.get(completion.model) ?? prices?.get(asked);
		const cost = completionCost(completion, price, lookup);
		this.costs.push(cost);
		admission.settle(cost.nanoUsd);
		const served = {
			...base,
			servedBy: completion.model,
			usage: withNativeTokens(completion.usage, lookup),
			costUsd: cost.nanoUsd === null ? null : nanoToUsd(cost.nanoUsd),
		};
		if (check.ok) {
			this.attempts.push({ ...served, outcome: 'success' });
			// Stopped before the answer was kept (while its stats were read): the item ends as every
			// other in flight does, its answer paid for in its ledger.
			if (this.context.signal?.aborted) throw this.stopped(CANCELLED);
			// A client that cannot stream answers whole: the caller still gets the answer as deltas.
			if (this.onDelta && !streamed) emitWhole(completion, this.onDelta);
			return { served: this.result(completion, asked, check) };
		}
		const failure: Failure = {
			kind: checked.ok ? (check.kind ?? 'invalid_output') : 'unexpected',
			message: check.error,
			sameAgain: check.sameAgain,
		};
		this.attempts.push({ ...served, outcome: 'error', kind: failure.kind, error: failure.message });
		if (!checked.ok) throw this.stopped(failure);
		if (streamed) throw this.brokenStream(failure);
		if (check.kind) return { failure, answeredAt };
		this.rejected = {
			model: asked,
			content: completion.content,
			problems: [check.error],
			repairable: check.repairable ?? true,
		};
		return { failure, answeredAt };
	}

	/** Generation Stats: the answer's stats from the gateway, or why there are none. */
	private async readStats(completion: ChatCompletion): Promise<StatsLookup> {
		const { client, clock, signal } = this.context;
		return await lookUpGenerationStats(completion.id, {
			client,
			clock,
			signal,
			timeLeft: () => this.remaining(),
		});
	}

	/** Published prices; a list that fails to load leaves costs unknown and must not lose a paid call. */
	private async priceBook(): Promise<PriceBook | undefined> {
		const loaded = await settle(Promise.resolve().then(() => this.context.prices?.()));
		return loaded.ok ? loaded.value : undefined;
	}

	private result(
		completion: ChatCompletion,
		asked: string,
		{ json, toolCalls }: Extract<AnswerCheck, { ok: true }>,
	): RouteResult {
		const cost = sumCosts(this.costs);
		const requestedModel = this.plan.models[0];
		return {
			content: completion.content,
			// Exclude Reasoning holds even for a gateway that sends the text anyway.
			reasoning: this.plan.completion.excludeReasoning ? null : (completion.reasoning ?? null),
			toolCalls,
			json,
			model: completion.model,
			chainModel: asked,
			requestedModel,
			provider: completion.provider,
			tier: this.plan.tier ?? null,
			fallbackUsed: asked !== requestedModel,
			attempts: this.attempts,
			usage: sumUsage(this.attempts),
			cost: reportedCost(cost),
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
		const slept = await settle(clock.sleep(ms, signal));
		if (signal?.aborted) throw this.stopped(CANCELLED);
		if (!slept.ok) throw slept.error;
	}

	private budgetReached(message: string): RouteError {
		return new RouteError(
			message,
			'budget_reached',
			this.attempts,
			undefined,
			this.spent(),
			this.rejected,
		);
	}

	private pastDeadline(): RouteError {
		return new RouteError(
			`No answer within the ${this.plan.policy.deadlineMs} ms deadline (${countOf(this.attempts.length, 'attempt')})`,
			'deadline',
			this.attempts,
			this.attempts.at(-1)?.status,
			this.spent(),
			this.rejected,
		);
	}

	private remaining(): number {
		return this.deadline - this.context.clock.now();
	}

	/** After its first token the answer is this model's: no other model may take over. */
	private brokenStream(failure: Failure): RouteError {
		const model = this.attempts.at(-1)?.model;
		return new RouteError(
			`${model} failed after its answer began streaming: ${failure.message}`,
			failure.kind,
			this.attempts,
			failure.status,
			this.spent(),
		);
	}

	private stopped(failure: Failure): RouteError {
		const last = this.attempts.at(-1);
		const where = last && failure.kind !== 'aborted' ? ` from ${last.model}` : '';
		return new RouteError(
			`${failure.message}${where}`,
			failure.kind,
			this.attempts,
			failure.status,
			this.spent(),
			this.rejected,
		);
	}

	private exhausted(lastFailure: Failure | undefined): RouteError {
		const tried = this.attempts.filter((attempt) => attempt.outcome !== 'skipped').length;
		const message = lastFailure
			? `Every model failed (${countOf(tried, 'attempt')}); the last: ${lastFailure.message}`
			: `Every model was skipped (${this.attempts.map((a) => `${a.model}: ${a.skipped}`).join(', ')})`;
		return new RouteError(
			message,
			lastFailure?.kind ?? 'exhausted',
			this.attempts,
			lastFailure?.status,
			this.spent(),
			this.rejected,
		);
	}

	private spent(): CostFigure {
		return sumCosts(this.costs);
	}
}

/**
 * Whether an answer is kept as the text it is: a JSON answer is checked whole, so that one that
 * fails falls over to the next model; it is not streamed but handed over whole as deltas.
 */
export function answersAsText(completion: CompletionOptions): boolean {
	return (completion.responseFormat?.type ?? 'text') === 'text';
}

/**
 * Whether a streamed delta is passed on, which commits the answer to its model. With no tool
 * offered a tool call's pieces are held back: such a call is refused once whole (it calls a
 * function not offered), so the model falls over as it would unstreamed, having shown nothing.
 */
function passesOn(delta: StreamDelta, completion: CompletionOptions): boolean {
	return delta.type === 'text' || Boolean(completion.tools?.length);
}

/**
 * The models a failed request is blamed on. OpenRouter's error names no model: an error status
 * means the gateway went through every model of the request and each failed; any other failure (a
 * timeout, a broken body, an error reported inside a 200 even with a code) happened at a model the
 * gateway got to, and the first model, the one asked for, failed on the way there or caused it.
 */
function blamed(models: readonly string[], failure: Failure): readonly string[] {
	return failure.refused ? models : models.slice(0, 1);
}

/** The answer's usage, with the provider's own counts when its stats were read. */
function withNativeTokens(usage: Usage | null, lookup: StatsLookup | undefined): Usage | undefined {
	if (!usage) return undefined;
	return lookup && 'stats' in lookup ? { ...usage, ...lookup.stats.nativeTokens } : usage;
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
