import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

import type { MockTimeline } from './mockLoad';

export interface BenchGateway {
	baseUrl: string;
	apiKey: string;
	/** Clears the mock's request log and starts its load figures afresh. */
	reset(): Promise<void>;
	/** The mock's own answer times and CPU since the last reset (mockLoadBetween reads them). */
	timeline(): Promise<MockTimeline>;
	stop(): Promise<void>;
}

export const BENCH_API_KEY = 'sk-or-bench-key';

/** Forks the mock gateway with the bench models and waits until it listens. */
export async function startBenchGateway(): Promise<BenchGateway> {
	const child = fork(join(__dirname, 'mockProcess.ts'), [], {
		execArgv: ['-r', 'ts-node/register/transpile-only'],
		env: { ...process.env, BENCH_API_KEY },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const { baseUrl, apiKey } = await nextMessage<{ baseUrl: string; apiKey: string }>(child);
	return {
		baseUrl,
		apiKey,
		reset: async () => {
			const done = nextMessage(child);
			child.send('reset');
			await done;
		},
		timeline: async () => {
			const timeline = nextMessage<MockTimeline>(child);
			child.send('timeline');
			return await timeline;
		},
		stop: async () => {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.disconnect();
			await exited;
		},
	};
}

function nextMessage<T>(child: ChildProcess): Promise<T> {
	return new Promise((resolve, reject) => {
		const onExit = (code: number | null) =>
			reject(new Error(`The mock gateway exited with ${code}`));
		child.once('exit', onExit);
		child.once('message', (message) => {
			child.off('exit', onExit);
			resolve(message as T);
		});
	});
}
