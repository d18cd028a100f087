import { type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';

const live = new Set<ChildProcess>();

/**
 * Each child leads its own process group, so stopping it also stops what it
 * started: n8n's task runners, or ts-node under `npm run mock`.
 */
export function spawnChild(
	command: string,
	args: string[],
	options: SpawnOptions = {},
): ChildProcess {
	const child = spawn(command, args, {
		stdio: ['ignore', 'pipe', 'pipe'],
		...options,
		detached: true,
	});
	live.add(child);
	return child;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// The whole group has already exited.
	}
}

function hasExited(child: ChildProcess): boolean {
	return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM, then SIGKILL after a grace period; also reaps a group whose leader has already exited. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
	live.delete(child);
	if (!hasExited(child)) {
		const exited = new Promise((resolve) => child.once('exit', resolve));
		signalGroup(child, 'SIGTERM');
		const timer = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
		await Promise.race([exited, timer]);
	}
	signalGroup(child, 'SIGKILL');
}

export async function stopAllChildren(): Promise<void> {
	await Promise.all([...live].map(async (child) => await stopChild(child)));
}

/** Nothing we started outlives us, however we exit. */
export function stopChildrenOnExit(onSignal: () => Promise<void> = stopAllChildren): void {
	process.once('exit', () => {
		for (const child of live) signalGroup(child, 'SIGKILL');
	});
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			process.stderr.write(`\n[routed-chat] ${signal}: stopping\n`);
			void onSignal().finally(() => process.exit(130));
		});
	}
}

export interface Finished {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	timedOut: boolean;
}

/** Runs a command to its end (or its time limit), collecting its output. */
export async function runChild(
	command: string,
	args: string[],
	options: SpawnOptions & { timeoutMs: number },
): Promise<Finished> {
	const { timeoutMs, ...spawnOptions } = options;
	const child = spawnChild(command, args, spawnOptions);
	let stdout = '';
	let stderr = '';
	child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		void stopChild(child);
	}, timeoutMs);
	// A straggler of the group (a task runner) could hold the output pipes open after the leader exits.
	const closed = new Promise((resolve) => child.once('close', resolve));
	const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(
		(resolve, reject) => {
			child.once('error', reject);
			child.once('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
		},
	).finally(() => clearTimeout(timer));
	await stopChild(child, 0);
	await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
	return { code, signal, stdout, stderr, timedOut };
}

/** Runs an entry point and exits with its code; if it throws, stops every child first and says why. */
export function runEntryPoint(
	main: () => Promise<number>,
	failureLine: (reason: string) => string,
): void {
	main().then(
		(code) => process.exit(code),
		async (error: unknown) => {
			process.stderr.write(failureLine(error instanceof Error ? error.message : String(error)));
			await stopAllChildren();
			process.exit(1);
		},
	);
}
