import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';

import { percentile } from './stats';

/** The mock's own record since its last reset; times are epoch milliseconds. */
export interface MockTimeline {
	/** [received, answered] for every request answered. */
	answers: Array<[number, number]>;
	/** [at, CPU milliseconds used by the mock so far], every CPU_SAMPLE_MS. */
	cpu: Array<[number, number]>;
}

/** What the mock spent while one node ran. */
export interface MockLoad {
	requests: number;
	/** Request received to answer sent, inside the mock: p50, p99 and max (ms). */
	answerMs: { p50: number; p99: number; max: number };
	/** The mock's CPU time over the wall time (1 = one core busy). */
	cpuShare: number;
}

const CPU_SAMPLE_MS = 50;
const epochNow = () => performance.timeOrigin + performance.now();
const cpuMs = () => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
};

/**
 * Times every request the mock answers through Node's HTTP diagnostics
 * channels (the mock's code stays as it is), and samples its CPU.
 */
export function watchMockLoad(): { reset(): void; read(): MockTimeline } {
	const received = new WeakMap<IncomingMessage, number>();
	const timeline: MockTimeline = { answers: [], cpu: [] };
	subscribe('http.server.request.start', (message) => {
		received.set((message as { request: IncomingMessage }).request, epochNow());
	});
	subscribe('http.server.response.finish', (message) => {
		const at = received.get((message as { request: IncomingMessage }).request);
		if (at !== undefined) timeline.answers.push([at, epochNow()]);
	});
	setInterval(() => timeline.cpu.push([epochNow(), cpuMs()]), CPU_SAMPLE_MS).unref();
	return {
		reset: () => {
			timeline.answers.length = 0;
			timeline.cpu.length = 0;
		},
		read: () => timeline,
	};
}

/** The mock's answers and CPU between two epoch times (a node's run in n8n). */
export function mockLoadBetween(timeline: MockTimeline, from: number, to: number): MockLoad {
	const answers = timeline.answers
		.filter(([received]) => received >= from && received <= to)
		.map(([received, answered]) => answered - received);
	const cpu = timeline.cpu.filter(([at]) => at >= from && at <= to);
	const first = cpu[0];
	const last = cpu[cpu.length - 1];
	const at = (p: number) => (answers.length ? percentile(answers, p) : 0);
	return {
		requests: answers.length,
		answerMs: { p50: at(50), p99: at(99), max: at(100) },
		cpuShare: first && last && last[0] > first[0] ? (last[1] - first[1]) / (last[0] - first[0]) : 0,
	};
}

/** One line on what the mock did while a node ran. */
export function describeMockLoad(load: MockLoad | undefined): string {
	if (!load?.requests) return 'the mock recorded no answer';
	return `the mock answered ${load.requests} requests in p50 ${load.answerMs.p50.toFixed(1)}, p99 ${load.answerMs.p99.toFixed(1)}, max ${load.answerMs.max.toFixed(1)} ms, using ${(100 * load.cpuShare).toFixed(0)} % of a core`;
}
