import { join } from 'node:path';

import { freePort } from './freePort';
import type { N8nInstance } from './instance';
import { type N8nServer, startN8nServer } from './server';

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

/** `n8n start` on loopback, its log in the user folder; resolves once the REST API is up. */
export async function startUi(instance: N8nInstance, port: number): Promise<N8nServer> {
	return await startN8nServer(instance, ['start'], {
		env: {
			...ownerEnv(),
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		},
		readinessUrl: `http://127.0.0.1:${port}/healthz/readiness`,
	});
}
