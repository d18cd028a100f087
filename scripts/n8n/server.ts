import type { ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { spawnChild, stopChild } from './children';
import type { N8nInstance } from './instance';

export interface N8nServer {
	child: ChildProcess;
	logPath: string;
}

/**
 * n8n is ready in 10–30 s on an idle 2-core machine; on a loaded CI machine its database ping timed
 * out first and it was not ready within 90 s. Three processes of a queue-mode cluster boot at once.
 */
const READY_TIMEOUT_MS = 240_000;

async function healthy(url: string): Promise<boolean> {
	try {
		return (await fetch(url, { signal: AbortSignal.timeout(1000) })).ok;
	} catch {
		return false;
	}
}

/**
 * A long-running n8n command (`start`, `worker`) with its log in the user
 * folder; resolves once `readinessUrl` answers 200 (n8n's /healthz/readiness:
 * plain /healthz answers before the database and the REST API are up).
 */
export async function startN8nServer(
	instance: N8nInstance,
	args: string[],
	{
		env,
		readinessUrl,
		logName = 'n8n.log',
		timeoutMs = READY_TIMEOUT_MS,
	}: { env: NodeJS.ProcessEnv; readinessUrl: string; logName?: string; timeoutMs?: number },
): Promise<N8nServer> {
	const logPath = join(instance.userFolder, logName);
	const log = openSync(logPath, 'a');
	const child = spawnChild('n8n', args, {
		env: { ...instance.env, ...env },
		stdio: ['ignore', log, log],
	});
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(`n8n ${args.join(' ')} exited with ${child.exitCode}:\n${logTail(logPath)}`);
		if (await healthy(readinessUrl)) return { child, logPath };
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	await stopChild(child);
	throw new Error(
		`n8n ${args.join(' ')} was not ready within ${timeoutMs / 1000} s:\n${logTail(logPath)}`,
	);
}

/** The user folder, log included, is deleted on the way out, so errors carry the log's end. */
export function logTail(logPath: string, lines = 15): string {
	return readFileSync(logPath, 'utf8').trim().split('\n').slice(-lines).join('\n');
}
