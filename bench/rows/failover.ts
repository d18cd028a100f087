import { routeChat } from '../../nodes/RoutedChat/core';
import type { Row } from '../report';
import { DOWN_MODEL, FAST_MODEL } from '../support/benchModels';
import { bareChat, routedClient } from '../support/clients';
import type { BenchGateway } from '../support/mockGateway';
import { benchPlan } from '../support/plan';
import { realClock } from '../support/realClock';
import { sideBySide } from '../support/sideBySide';
import { median } from '../support/stats';

export interface FailoverCounts {
	calls: number;
	warmUp: number;
}

/**
 * The first model answers 503 at once, the second serves (client fallback, no
 * retries, no circuit breaker so every call fails over). The baseline is the
 * same two requests sent one after the other with the bare client.
 */
export async function failover(
	gateway: BenchGateway,
	counts: FailoverCounts,
	maxMs: number,
): Promise<Row[]> {
	const plan = benchPlan([DOWN_MODEL, FAST_MODEL], 'client');
	const context = { client: routedClient(gateway), clock: realClock };
	const down = bareChat(gateway, DOWN_MODEL);
	const served = bareChat(gateway, FAST_MODEL);
	const bothRequests = async () => {
		await down().catch(() => undefined);
		await served();
	};
	const routed = async () => {
		const result = await routeChat(plan, context);
		if (!result.fallbackUsed)
			throw new Error('The failover row expected the fallback model to serve');
	};

	const times = await sideBySide(routed, bothRequests, counts.calls, counts.warmUp);
	const medians = { routed: median(times.subject), raw: median(times.baseline) };
	return [
		{
			name: 'Failover cost: median time beyond the two requests',
			value: medians.routed - medians.raw,
			unit: 'ms',
			target: { op: '<=', value: maxMs },
			detail: `${counts.calls} failovers; routeChat median ${medians.routed.toFixed(3)} ms, the 503 + the served request by the bare client ${medians.raw.toFixed(3)} ms`,
		},
	];
}
