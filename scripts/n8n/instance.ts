import { randomUUID } from 'node:crypto';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Finished, runChild } from './children';
import { freePort } from './freePort';

/** A throwaway n8n: its own user folder (settings, SQLite database, community nodes). */
export interface N8nInstance {
	userFolder: string;
	env: NodeJS.ProcessEnv;
}

/**
 * The caller's own n8n settings (N8N_*, DB_*) must not reach a throwaway
 * instance: a DB_TYPE=postgresdb would point it at a real database.
 */
function cleanEnv(): NodeJS.ProcessEnv {
	return Object.fromEntries(
		Object.entries(process.env).filter(([name]) => !/^(N8N_|DB_)/.test(name)),
	);
}

export async function createInstance(label: string): Promise<N8nInstance> {
	const userFolder = await mkdtemp(join(tmpdir(), `routed-chat-${label}-`));
	return {
		userFolder,
		env: {
			...cleanEnv(),
			N8N_USER_FOLDER: userFolder,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		},
	};
}

export class N8nCommandError extends Error {}

/** Each command boots n8n: seconds on an idle machine, and over a minute on a loaded CI machine. */
const COMMAND_TIMEOUT_MS = 240_000;

/**
 * One n8n CLI command; each boots n8n, and `execute` also starts a task broker, on a port of its own.
 * Its stdout goes to a file: n8n prints an execution through its logger and then calls
 * `process.exit()`, which cut a large execution short on a pipe (seen with the bench's 21 nodes).
 */
export async function n8n(
	instance: N8nInstance,
	args: string[],
	options: { timeoutMs?: number; extraEnv?: NodeJS.ProcessEnv } = {},
): Promise<Finished> {
	const env = {
		...instance.env,
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		...options.extraEnv,
	};
	const stdoutPath = join(instance.userFolder, `stdout-${randomUUID()}.log`);
	const stdoutFile = await open(stdoutPath, 'w');
	let finished: Finished;
	try {
		finished = await runChild('n8n', args, {
			env,
			timeoutMs: options.timeoutMs ?? COMMAND_TIMEOUT_MS,
			stdio: ['ignore', stdoutFile.fd, 'pipe'],
		});
		finished.stdout = await readFile(stdoutPath, 'utf8');
	} finally {
		await stdoutFile.close().finally(async () => await rm(stdoutPath, { force: true }));
	}
	if (finished.timedOut)
		throw new N8nCommandError(`n8n ${args.join(' ')} took too long\n${tail(finished)}`);
	return finished;
}

/** For commands whose exit code means what it says (imports; not `execute`). */
export async function n8nOrThrow(instance: N8nInstance, args: string[]): Promise<Finished> {
	const finished = await n8n(instance, args);
	if (finished.code !== 0) {
		throw new N8nCommandError(
			`n8n ${args.join(' ')} exited with ${finished.code ?? finished.signal}\n${tail(finished)}`,
		);
	}
	return finished;
}

export function tail(finished: Finished, lines = 30): string {
	return `${finished.stdout}\n${finished.stderr}`.trim().split('\n').slice(-lines).join('\n');
}

export async function removeInstance(instance: N8nInstance): Promise<void> {
	await rm(instance.userFolder, { recursive: true, force: true, maxRetries: 3 });
}
