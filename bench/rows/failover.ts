import OpenAI from 'openai';

import { routeChat } from '../../nodes/RoutedChat/core';
import { fetchChatClient } from '../../test/transport/loopbackClient';
import type { Row } from '../report';
import { DOWN_MODEL, FAST_MODEL } from '../support/benchModels';
import type { BenchGateway } from '../support/mockGateway';
import { benchPlan, PROMPT } from '../support/plan';
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
 * same two requests sent one after the other with the bare SDK.
 */
export async function failover(
	gateway: BenchGateway,
	counts: FailoverCounts,
	maxMs: number,
): Promise<Row[]> {
	const client = fetchChatClient(gateway);
	const plan = benchPlan([DOWN_MODEL, FAST_MODEL], 'client');
	const context = { client, clock: realClock };
	const sdk = new OpenAI({ baseURL: gateway.baseUrl, apiKey: gateway.apiKey, maxRetries: 0 });
	const send = (model: string) =>
		sdk.chat.completions.create({
			model,
			messages: [{ role: 'user', content: PROMPT }],
			usage: { include: true },
		} as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming);
	const bothRequests = async () => {
		await send(DOWN_MODEL).catch(() => undefined);
		await send(FAST_MODEL);
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
			detail: `${counts.calls} failovers; routeChat median ${medians.routed.toFixed(3)} ms, the 503 + the served request by the bare SDK ${medians.raw.toFixed(3)} ms`,
		},
	];
}
