import { readdir, readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';

/** [epoch ms, CPU ms the process has used so far (user + system, all its threads)]. */
export type CpuTimeline = Array<[number, number]>;

const SAMPLE_MS = 20;
/** Linux reports CPU time in clock ticks of 10 ms (USER_HZ = 100). */
const TICK_MS = 10;

/**
 * Samples the CPU time of another process from /proc (Linux only; elsewhere
 * the timeline stays empty): the first whose command line contains `marker`.
 * CPU time, unlike wall time or a profile's samples, does not grow when other
 * work on the machine takes the core away.
 */
export function watchProcessCpu(marker: string): { stop(): CpuTimeline } {
	const timeline: CpuTimeline = [];
	let pid: string | undefined;
	let busy = false;
	const sample = async () => {
		if (busy) return;
		busy = true;
		try {
			pid ??= await findProcess(marker);
			if (pid) timeline.push([performance.timeOrigin + performance.now(), await cpuMs(pid)]);
		} catch {
			pid = undefined;
		} finally {
			busy = false;
		}
	};
	const timer = setInterval(() => void sample(), SAMPLE_MS);
	return {
		stop: () => {
			clearInterval(timer);
			return timeline;
		},
	};
}

/** CPU ms used between two epoch times, from the samples nearest inside them. */
export function cpuBetween(timeline: CpuTimeline, from: number, to: number): number | undefined {
	const inside = timeline.filter(([at]) => at >= from && at <= to);
	if (inside.length < 2) return undefined;
	const [first, last] = [inside[0], inside[inside.length - 1]];
	// Scaled to the whole span: the samples start and end up to SAMPLE_MS inside it.
	return ((last[1] - first[1]) * (to - from)) / (last[0] - first[0]);
}

async function findProcess(marker: string): Promise<string | undefined> {
	for (const entry of await readdir('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
		if (cmdline.includes(marker)) return entry;
	}
	return undefined;
}

async function cpuMs(pid: string): Promise<number> {
	const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}
