import OpenAI from 'openai';

import { routeChat } from '../../nodes/RoutedChat/core';
import { fetchChatClient } from '../../test/transport/loopbackClient';
import type { Row } from '../report';
import { FAST_MODEL } from '../support/benchModels';
import type { BenchGateway } from '../support/mockGateway';
import { benchPlan, PROMPT } from '../support/plan';
import { realClock } from '../support/realClock';
import { sideBySide } from '../support/sideBySide';
import { median, percentile } from '../support/stats';

export interface CoreOverheadConfig {
	calls: number;
	warmUp: number;
	maxRatio: number;
	/** p99 of a few hundred calls is noise on a shared machine: only the full run judges it. */
	maxP99Ratio?: number;
}

/** routeChat vs the bare openai SDK, the same request to the same mock model, one call at a time. */
export async function coreOverhead(
	gateway: BenchGateway,
	config: CoreOverheadConfig,
): Promise<Row[]> {
	const client = fetchChatClient(gateway);
	const plan = benchPlan([FAST_MODEL]);
	const context = { client, clock: realClock };
	const sdk = new OpenAI({ baseURL: gateway.baseUrl, apiKey: gateway.apiKey, maxRetries: 0 });
	// The body routeChat sends for this plan, OpenRouter's usage flag included.
	const body = {
		model: FAST_MODEL,
		messages: [{ role: 'user', content: PROMPT }],
		usage: { include: true },
	};
	const raw = () =>
		sdk.chat.completions.create(body as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming);

	const times = await sideBySide(() => routeChat(plan, context), raw, config.calls, config.warmUp);
	const medians = { route: median(times.subject), raw: median(times.baseline) };
	const p99 = { route: percentile(times.subject, 99), raw: percentile(times.baseline, 99) };
	const detail = `${config.calls} calls each, mock latency 0 ms (its timer makes it about 1 ms); medians: bare SDK ${medians.raw.toFixed(3)} ms, routeChat ${medians.route.toFixed(3)} ms`;
	return [
		{
			name: 'Core overhead: median ratio (routeChat / bare SDK)',
			value: medians.route / medians.raw,
			unit: '×',
			target: { op: '<=', value: config.maxRatio },
			detail,
		},
		{
			name: 'Core overhead: p99 ratio (routeChat / bare SDK)',
			value: p99.route / p99.raw,
			unit: '×',
			target:
				config.maxP99Ratio === undefined ? undefined : { op: '<=', value: config.maxP99Ratio },
			detail: `p99: bare SDK ${p99.raw.toFixed(3)} ms, routeChat ${p99.route.toFixed(3)} ms`,
		},
		{
			name: 'Core overhead: per call (median difference)',
			value: (medians.route - medians.raw) * 1000,
			unit: 'µs',
			detail: 'what routeChat adds to one call, in absolute terms',
		},
	];
}
