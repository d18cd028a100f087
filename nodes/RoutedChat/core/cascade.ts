import type { Clock } from './clock';
import { type CostFigure, figureOf, reportedCost, sumCosts } from './cost';
import { kindPolicy } from './failure';
import { ItemBudget } from './itemBudget';
import { judgeAnswer, type QualityChecks } from './qualityChecks';
import { type RejectedAnswer, RouteError } from './routeError';
import { type RouteContext, routeChat } from './routeChat';
import { settle } from './settle';
import { sumUsage } from './usage';
import type { Attempt, CascadeStage, ChatMessage, RoutePlan, RouteResult } from './types';

export interface CascadePlan {
	/** The cheap tier's plan; its answer must pass `checks`. */
	cheap: RoutePlan;
	/** The strong tier's plan, used only when the cheap answer fails. */
	strong: RoutePlan;
	checks: QualityChecks;
	/** Ask the cheap model once more, with what was wrong, before escalating. */
	repair: boolean;
}

/** Cheap first; escalate to strong only when the cheap answer fails a check. Every call is kept and paid for. */
export async function routeCascade(plan: CascadePlan, context: RouteContext): Promise<RouteResult> {
	const ledger = new CascadeLedger(context.clock);
	// Max Cost per Item and the Item Deadline bound the cheap, repair and strong calls together.
	const itemBudget =
		plan.cheap.maxCostUsd === undefined ? undefined : new ItemBudget(plan.cheap.maxCostUsd);
	const { deadlineMs } = plan.cheap.policy;
	const deadline = deadlineMs === undefined ? undefined : context.clock.now() + deadlineMs;
	const stages: RouteContext = { ...context, itemBudget, deadline };

	const cheap = await ledger.run('cheap', plan.cheap, stages, plan.checks);
	if (cheap.result) return ledger.finish(cheap.result, { escalated: false });

	const rejected = cheap.rejected;
	if (plan.repair && rejected?.repairable) {
		const repair = await ledger.run(
			'repair',
			repairPlan(plan.cheap, rejected),
			stages,
			plan.checks,
		);
		// The repair asks the rejected model itself, outside the drill, but the item ran under it.
		const drill = (plan.cheap.drillFailures ?? 0) > 0;
		if (repair.result)
			return ledger.finish({ ...repair.result, drill }, { escalated: false, repaired: true });
	}

	// The strong tier is the last word: its answer is kept, with any check it misses said in the output.
	const strong = await ledger.run(
		'strong',
		plan.strong,
		{ ...stages, rejected: ledger.rejectedModels },
		{},
	);
	const unmetChecks = judgeAnswer(strong.result, plan.checks).problems;
	return ledger.finish(strong.result, {
		escalated: true,
		escalationReason: cheap.reason,
		unmetChecks,
	});
}

type StageOutcome =
	| { result: RouteResult }
	| { result?: undefined; rejected?: RejectedAnswer; reason: string };

/** Collects the attempts and costs of every stage, so the item reports all of them. */
class CascadeLedger {
	private readonly attempts: Attempt[] = [];
	private readonly costs: CostFigure[] = [];
	/** Models whose answer an earlier stage did not accept: asking them again would pay for the same answer. */
	readonly rejectedModels = new Set<string>();
	private readonly started: number;

	constructor(private readonly clock: Clock) {
		this.started = clock.now();
	}

	async run(
		stage: 'strong',
		plan: RoutePlan,
		context: RouteContext,
		checks: QualityChecks,
	): Promise<{ result: RouteResult }>;
	async run(
		stage: CascadeStage,
		plan: RoutePlan,
		context: RouteContext,
		checks: QualityChecks,
	): Promise<StageOutcome>;
	async run(
		stage: CascadeStage,
		plan: RoutePlan,
		context: RouteContext,
		checks: QualityChecks,
	): Promise<StageOutcome> {
		const routed = await settle(routeChat(plan, context));
		if (!routed.ok) {
			const error = routed.error;
			if (!(error instanceof RouteError)) throw error;
			this.record(stage, error.attempts, error.spent);
			if (error.rejected) this.rejectedModels.add(error.rejected.model);
			if (stage === 'strong' || isFinal(error)) throw this.failure(error);
			return { rejected: error.rejected, reason: `${stage} tier failed: ${error.message}` };
		}
		const result = routed.value;
		this.record(stage, result.attempts, figureOf(result.cost, result.costNanoUsd));
		const { problems, repairable } = judgeAnswer(result, checks);
		if (problems.length === 0) return { result };
		this.rejectedModels.add(result.chainModel);
		return {
			rejected: { model: result.chainModel, content: result.content, problems, repairable },
			reason: `${result.model}'s answer failed the checks: ${problems.join('; ')}`,
		};
	}

	finish(
		result: RouteResult,
		outcome: {
			escalated: boolean;
			escalationReason?: string;
			repaired?: boolean;
			unmetChecks?: string[];
		},
	): RouteResult {
		const cost = sumCosts(this.costs);
		return {
			...result,
			attempts: this.attempts,
			usage: sumUsage(this.attempts),
			cost: reportedCost(cost),
			costNanoUsd: cost.nanoUsd,
			latencyMs: this.clock.now() - this.started,
			escalated: outcome.escalated,
			escalationReason: outcome.escalationReason ?? null,
			repaired: outcome.repaired ?? false,
			unmetChecks: outcome.unmetChecks?.length ? outcome.unmetChecks : undefined,
		};
	}

	/** The stage's error, with the attempts and spend of every stage before it. */
	private failure(cause: RouteError): RouteError {
		return new RouteError(
			cause.message,
			cause.reason,
			this.attempts,
			cause.status,
			sumCosts(this.costs),
			cause.rejected,
		);
	}

	private record(stage: CascadeStage, attempts: Attempt[], cost: CostFigure): void {
		this.attempts.push(...attempts.map((attempt) => ({ ...attempt, stage })));
		this.costs.push(cost);
	}
}

/**
 * A failure escalation cannot help with: the key, the credit, the request itself, or a cancel. An
 * input no cheap model takes (an image) is not one: a strong model may take it.
 */
function isFinal(error: RouteError): boolean {
	return (
		error.reason !== 'exhausted' &&
		error.reason !== 'deadline' &&
		error.reason !== 'unsupported_input' &&
		!kindPolicy[error.reason as keyof typeof kindPolicy]?.failOver
	);
}

function repairPlan(cheap: RoutePlan, rejected: RejectedAnswer): RoutePlan {
	const messages: ChatMessage[] = [
		...cheap.messages,
		{ role: 'assistant', content: rejected.content },
		{
			role: 'user',
			content: `Your answer was rejected: ${rejected.problems.join('; ')}. Answer again, fixing exactly that and keeping the requested format.`,
		},
	];
	return { ...cheap, models: [rejected.model], messages, drillFailures: undefined };
}
