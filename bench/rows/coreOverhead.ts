import { routeChat } from '../../nodes/RoutedChat/core';
import type { Row } from '../report';
import { CALL_20MS_MODEL, FAST_MODEL } from '../support/benchModels';
import { bareChat, routedClient } from '../support/clients';
import type { BenchGateway } from '../support/mockGateway';
import { benchPlan } from '../support/plan';
import { realClock } from '../support/realClock';
import { sideBySide } from '../support/sideBySide';
import { median, percentile } from '../support/stats';

export interface CoreOverheadConfig {
	/** Sequential calls each to the 0 ms model: the added time per call. */
	calls: number;
	warmUp: number;
	/** Sequential calls each to the 20 ms model, and the target on the ratio of medians. */
	calls20ms: number;
	maxRatio20ms: number;
	/** Repetitions of the 20 ms comparison; the row is the median of their ratios. */
	repeats20ms: number;
}

/** routeChat vs the bare client, the same request to the same mock model, one call at a time. */
export async function coreOverhead(
	gateway: BenchGateway,
	config: CoreOverheadConfig,
): Promise<Row[]> {
	const context = { client: routedClient(gateway), clock: realClock };
	const routed = (model: string) => {
		const plan = benchPlan([model]);
		return () => routeChat(plan, context);
	};

	const fast = await sideBySide(
		routed(FAST_MODEL),
		bareChat(gateway, FAST_MODEL),
		config.calls,
		config.warmUp,
	);
	const fastMedians = { routed: median(fast.subject), bare: median(fast.baseline) };
	const p99 = { routed: percentile(fast.subject, 99), bare: percentile(fast.baseline, 99) };
	// Each repetition alternates blocks inside itself and warms up first; their median ratio stands.
	const repetitions: Array<{ routed: number; bare: number }> = [];
	for (let repeat = 0; repeat < config.repeats20ms; repeat++) {
		const call = await sideBySide(
			routed(CALL_20MS_MODEL),
			bareChat(gateway, CALL_20MS_MODEL),
			config.calls20ms,
			Math.min(config.warmUp, 50),
		);
		repetitions.push({ routed: median(call.subject), bare: median(call.baseline) });
	}
	const ratios = repetitions.map((medians) => medians.routed / medians.bare);
	const callMedians = repetitions[ratios.indexOf(median(ratios))];
	return [
		{
			name: 'Core: added time per call (median difference, 0 ms model)',
			value: (fastMedians.routed - fastMedians.bare) * 1000,
			unit: 'µs',
			detail: `${config.calls} sequential calls each, in alternating blocks; medians: bare client ${fastMedians.bare.toFixed(3)} ms, routeChat ${fastMedians.routed.toFixed(3)} ms; p99 ${p99.bare.toFixed(3)} vs ${p99.routed.toFixed(3)} ms`,
		},
		{
			name: 'Core: ratio on a 20 ms call (routeChat / bare client)',
			value: median(ratios),
			unit: '×',
			target: { op: '<=', value: config.maxRatio20ms },
			detail: `${config.calls20ms} sequential calls each to a model answering in 20 ms, in alternating blocks, ${config.repeats20ms} time(s); the median repetition: bare client ${callMedians.bare.toFixed(3)} ms, routeChat ${callMedians.routed.toFixed(3)} ms; every repetition's ratio of medians: ${ratios.map((ratio) => ratio.toFixed(4)).join(', ')}`,
		},
	];
}
