import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { stopChild } from '../n8n/children';
import { credentialFile } from '../n8n/credential';
import { freePort } from '../n8n/freePort';
import type { Gateway } from '../n8n/gateway';
import { installPackage } from '../n8n/installPackage';
import { createInstance, n8nOrThrow, type N8nInstance, removeInstance } from '../n8n/instance';
import { progress, seconds } from '../n8n/progress';
import { type N8nServer, startN8nServer } from '../n8n/server';
import type { Service } from './services';

/** n8n in queue mode: one main (UI, webhooks, the queue's producer) and workers (the executions). */
export interface QueueCluster {
	webhookBaseUrl: string;
	workers: WorkerProcess[];
	stop(): Promise<void>;
}

export interface WorkerProcess {
	name: string;
	logPath: string;
}

/** The settings every process of the cluster shares: the same database, queue and encryption key. */
function queueEnv(
	postgres: Service & { database: string; user: string },
	redis: Service,
): NodeJS.ProcessEnv {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
	};
}

/**
 * Each process gets a user folder of its own with the package installed the
 * way the Community Nodes UI does, as separate machines would; the database
 * (credentials, workflows, executions) and Redis are shared.
 */
async function queueInstance(
	label: string,
	shared: NodeJS.ProcessEnv,
	tarball: string,
): Promise<N8nInstance> {
	const created = await createInstance(`queue-${label}`);
	const instance = { ...created, env: { ...created.env, ...shared } };
	await installPackage(instance, tarball);
	return instance;
}

export async function startQueueCluster(options: {
	tarball: string;
	gateway: Gateway;
	postgres: Service & { database: string; user: string };
	redis: Service;
	workflow: Record<string, unknown>;
	workerCount: number;
	/** Executions one worker runs at once (n8n's default is 10). */
	workerConcurrency: number;
}): Promise<QueueCluster> {
	const shared = queueEnv(options.postgres, options.redis);
	const instances: N8nInstance[] = [];
	let mainServer: N8nServer | undefined;
	const workerServers: N8nServer[] = [];
	const stop = async () => {
		// Workers first, so none is left holding a job when the main goes.
		await Promise.all(workerServers.map(async (server) => await stopChild(server.child, 10_000)));
		if (mainServer) await stopChild(mainServer.child, 10_000);
		await Promise.all(instances.map(removeInstance));
	};
	try {
		let started = Date.now();
		const labels = [
			'main',
			...Array.from({ length: options.workerCount }, (_, index) => `worker${index + 1}`),
		];
		instances.push(
			...(await Promise.all(labels.map((label) => queueInstance(label, shared, options.tarball)))),
		);
		progress(`installed the package into ${instances.length} user folders (${seconds(started)})`);
		const [main] = instances;

		started = Date.now();
		const credentialsPath = join(main.userFolder, 'credentials.json');
		const workflowPath = join(main.userFolder, 'workflow.json');
		await writeFile(credentialsPath, JSON.stringify(credentialFile(options.gateway)), {
			mode: 0o600,
		});
		await writeFile(workflowPath, JSON.stringify(options.workflow));
		// The first command migrates the shared database; the main activates published workflows as it starts.
		await n8nOrThrow(main, ['import:credentials', `--input=${credentialsPath}`]);
		await n8nOrThrow(main, ['import:workflow', `--input=${workflowPath}`]);
		await n8nOrThrow(main, ['publish:workflow', `--id=${String(options.workflow.id)}`]);
		progress(`PostgreSQL migrated, credential imported, workflow published (${seconds(started)})`);

		// Workers need the migrated database, not the main: all three boot at once.
		started = Date.now();
		const mainPort = await freePort();
		const startMain = async () => {
			mainServer = await startN8nServer(main, ['start'], {
				env: {
					N8N_PORT: String(mainPort),
					N8N_LISTEN_ADDRESS: '127.0.0.1',
					N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				},
				readinessUrl: `http://127.0.0.1:${mainPort}/healthz/readiness`,
			});
		};
		const startWorker = async (instance: N8nInstance, name: string): Promise<WorkerProcess> => {
			const healthPort = await freePort();
			const server = await startN8nServer(
				instance,
				['worker', `--concurrency=${options.workerConcurrency}`],
				{
					env: {
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(healthPort),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
						N8N_RUNNERS_BROKER_PORT: String(await freePort()),
					},
					readinessUrl: `http://127.0.0.1:${healthPort}/healthz/readiness`,
				},
			);
			workerServers.push(server);
			return { name, logPath: server.logPath };
		};
		const [, ...workers] = await Promise.all([
			startMain(),
			...instances.slice(1).map((instance, index) => startWorker(instance, labels[index + 1])),
		]);
		progress(
			`n8n main ready on port ${mainPort}, ${workers.length} workers ready, ${options.workerConcurrency} executions each at most (${seconds(started)})`,
		);
		return { webhookBaseUrl: `http://127.0.0.1:${mainPort}/webhook`, workers, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

/** The executions a worker's log says it started ("Worker started execution 12 (job 7)"). */
export async function executionsStartedBy(worker: WorkerProcess): Promise<string[]> {
	const log = await readFile(worker.logPath, 'utf8');
	return [...log.matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]);
}
