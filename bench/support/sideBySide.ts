import { nowMs } from './stats';

export type Call = () => Promise<unknown>;

export interface SideBySide {
	subject: number[];
	baseline: number[];
}

/**
 * Times `calls` sequential calls of each, in alternating blocks whose order
 * flips every round, so drift (thermal, GC, the other tenant) lands on both.
 */
export async function sideBySide(
	subject: Call,
	baseline: Call,
	calls: number,
	warmUp: number,
	block = 20,
): Promise<SideBySide> {
	for (let i = 0; i < warmUp; i++) {
		await subject();
		await baseline();
	}
	const times: SideBySide = { subject: [], baseline: [] };
	const run = async (call: Call, into: number[], count: number) => {
		for (let i = 0; i < count; i++) {
			const started = nowMs();
			await call();
			into.push(nowMs() - started);
		}
	};
	for (let done = 0, round = 0; done < calls; done += block, round++) {
		const count = Math.min(block, calls - done);
		if (round % 2 === 0) {
			await run(subject, times.subject, count);
			await run(baseline, times.baseline, count);
		} else {
			await run(baseline, times.baseline, count);
			await run(subject, times.subject, count);
		}
	}
	return times;
}
