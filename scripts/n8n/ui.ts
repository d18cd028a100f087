import type { ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { spawnChild } from './children';
import { freePort } from './freePort';
import type { N8nInstance } from './instance';

export const DEMO_OWNER = { email: 'demo@example.com', password: 'RoutedChat-demo-1' };

/** n8n 2.41 sets the owner from the environment at `start` only, and wants a bcrypt hash. */
function ownerEnv(): NodeJS.ProcessEnv {
	const n8nDir = process.env.N8N_DIR;
	if (!n8nDir)
		throw new Error(
			'N8N_DIR is not set: run through scripts/demo.sh, which sources scripts/toolchain.sh',
		);
	// bcryptjs ships with n8n; this package does not depend on it.
	const bcrypt = require(join(n8nDir, 'node_modules', 'bcryptjs')) as {
		hashSync(text: string, rounds: number): string;
	};
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: DEMO_OWNER.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: 'Demo',
		N8N_INSTANCE_OWNER_LAST_NAME: 'User',
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(DEMO_OWNER.password, 10),
	};
}

async function healthy(url: string): Promise<boolean> {
	try {
		return (await fetch(url, { signal: AbortSignal.timeout(1000) })).ok;
	} catch {
		return false;
	}
}

/** `n8n start` on loopback, its log in the user folder; resolves once /healthz/readiness says ready (plain /healthz answers before the REST API is up). */
export async function startUi(
	instance: N8nInstance,
	port: number,
): Promise<{ child: ChildProcess; logPath: string }> {
	const logPath = join(instance.userFolder, 'n8n.log');
	const log = openSync(logPath, 'a');
	const env = {
		...instance.env,
		...ownerEnv(),
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
	};
	const child = spawnChild('n8n', ['start'], { env, stdio: ['ignore', log, log] });
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(`n8n start exited with ${child.exitCode}:\n${logTail(logPath)}`);
		if (await healthy(`http://127.0.0.1:${port}/healthz/readiness`)) return { child, logPath };
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`n8n was not ready on port ${port} within 90 s:\n${logTail(logPath)}`);
}

/** The user folder, log included, is deleted on the way out, so errors carry the log's end. */
function logTail(logPath: string): string {
	return readFileSync(logPath, 'utf8').trim().split('\n').slice(-15).join('\n');
}
