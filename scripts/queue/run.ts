import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { runChecks } from '../../test/e2e/check';
import { runEntryPoint, stopAllChildren, stopChildrenOnExit } from '../n8n/children';
import { type Gateway, startMockGateway } from '../n8n/gateway';
import { progress, seconds } from '../n8n/progress';
import { queueChecks } from './checks';
import { executionsStartedBy, type QueueCluster, startQueueCluster } from './cluster';
import { readExecutions, waitForExecutions } from './executions';
import { type Service, startPostgres, startRedis } from './services';
import { waitUntil } from './waitUntil';
import { batch, QUEUE_WORKFLOW_ID, queueWorkflow, WEBHOOK_PATH } from './workflow';

const REPO_ROOT = resolve(__dirname, '..', '..');

/** The issue's run, and the one CI can afford. */
const SIZES = {
	full: { executions: 10, items: 100 },
	reduced: { executions: 2, items: 20 },
};
const WORKERS = 2;

/** A CORS preflight answers 204 only for a registered webhook, and runs nothing. */
async function webhookRegistered(url: string): Promise<boolean> {
	const response = await fetch(url, {
		method: 'OPTIONS',
		headers: { origin: 'http://127.0.0.1', 'access-control-request-method': 'POST' },
	});
	return response.status === 204;
}

async function gatewaySpentUsd(gateway: Gateway): Promise<number> {
	const response = await fetch(`${gateway.baseUrl}/key`, {
		headers: { authorization: `Bearer ${gateway.apiKey}` },
	});
	if (!response.ok) throw new Error(`GET /key answered ${response.status}`);
	return ((await response.json()) as { data: { usage: number } }).data.usage;
}

/**
 * Run by scripts/queue.sh once the package is packed: `run.ts --tarball <tgz> [--reduced]`.
 * Redis, PostgreSQL, the mock gateway and n8n (main + workers) all on loopback,
 * all thrown away at the end.
 */
async function main(): Promise<number> {
	const { values } = parseArgs({
		options: { tarball: { type: 'string' }, reduced: { type: 'boolean', default: false } },
	});
	if (!values.tarball) throw new Error('--tarball is required');
	const size = values.reduced ? SIZES.reduced : SIZES.full;

	const services: Service[] = [];
	let cluster: QueueCluster | undefined;
	const cleanUp = async () => {
		await cluster?.stop();
		for (const service of services.reverse()) await service.stop();
		await stopAllChildren();
	};
	stopChildrenOnExit(cleanUp);

	try {
		let started = Date.now();
		const postgres = await startPostgres();
		services.push(postgres);
		const redis = await startRedis();
		services.push(redis);
		const gateway = await startMockGateway('queue', REPO_ROOT);
		services.push({ port: 0, stop: gateway.stop });
		progress(
			`PostgreSQL on port ${postgres.port}, Redis on ${redis.port}, mock gateway (scenario "queue") on ${gateway.baseUrl} (${seconds(started)})`,
		);
		cluster = await startQueueCluster({
			tarball: values.tarball,
			gateway,
			postgres,
			redis,
			workflow: queueWorkflow(),
			workerCount: WORKERS,
			// As a user sizes workers for a burst: no single worker could take all of it.
			workerConcurrency: Math.ceil(size.executions / WORKERS),
		});

		const webhookUrl = `${cluster.webhookBaseUrl}/${WEBHOOK_PATH}`;
		// The main reports ready before it has activated the published workflows.
		await waitUntil(
			'the main has registered the webhook',
			async () => await webhookRegistered(webhookUrl),
		);
		started = Date.now();
		const batches = Array.from({ length: size.executions }, (_, index) => batch(index, size.items));
		await Promise.all(
			batches.map(async (body) => {
				const response = await fetch(webhookUrl, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(body),
				});
				if (!response.ok)
					throw new Error(`The webhook answered ${response.status}: ${await response.text()}`);
			}),
		);
		progress(
			`${size.executions} executions of ${size.items} items queued at once through the webhook`,
		);
		await waitForExecutions(postgres, QUEUE_WORKFLOW_ID, size.executions, 240_000);
		progress(`all ${size.executions} executions ended (${seconds(started)})`);

		const startedBy = new Map(
			await Promise.all(
				cluster.workers.map(
					async (worker) => [worker.name, await executionsStartedBy(worker)] as const,
				),
			),
		);
		const run = {
			batches,
			executions: await readExecutions(postgres, QUEUE_WORKFLOW_ID),
			startedBy,
			gatewaySpentUsd: await gatewaySpentUsd(gateway),
		};
		process.stdout.write(
			`\nn8n ${process.env.N8N_VERSION ?? ''} in queue mode: main + ${WORKERS} workers; ${size.executions} executions × ${size.items} items\n` +
				`${[...startedBy].map(([worker, ids]) => `${worker} ran ${ids.length}`).join(', ')}\n\n`,
		);
		const failed = runChecks(queueChecks(run));
		process.stdout.write(
			`\n${failed === 0 ? 'queue mode: all checks passed' : `queue mode: ${failed} check(s) failed`}\n`,
		);
		return failed === 0 ? 0 : 1;
	} finally {
		await cleanUp();
	}
}

runEntryPoint(main, (reason) => `\n[routed-chat] queue test failed: ${reason}\n`);
