import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { credentialFile, DEMO_CREDENTIAL } from '../../scripts/n8n/credential';
import { type Execution, parseExecution } from '../../scripts/n8n/execution';
import { installPackage } from '../../scripts/n8n/installPackage';
import {
	createInstance,
	n8n,
	n8nOrThrow,
	type N8nInstance,
	removeInstance,
	tail,
} from '../../scripts/n8n/instance';
import type { BenchGateway } from '../support/mockGateway';
import { BENCH_WORKFLOW_ID, benchWorkflow, type Branch, OPENROUTER_CREDENTIAL } from './workflow';

export interface ComparisonOptions {
	items: number;
	/** The nodes the items go through, in the order they run. */
	branches: Branch[];
	/** Executions of the workflow, each in its own `n8n execute`. */
	runs: number;
	log: (line: string) => void;
	/** Writes a CPU profile of `n8n execute` here (bench/profile/n8nProfile.ts). */
	cpuProfileDir?: string;
}

/**
 * The e2e harness's throwaway n8n (scripts/n8n/), with two credentials on the
 * same mock: ours, and n8n's own `openRouterApi`, whose hidden `url` field
 * takes the mock's base URL when imported.
 */
export async function runComparison(
	tarball: string,
	gateway: BenchGateway,
	{ items, branches, runs, log, cpuProfileDir }: ComparisonOptions,
): Promise<Execution[]> {
	const instance = await createInstance('bench');
	try {
		await installPackage(instance, tarball);
		const folder = join(instance.userFolder, 'import');
		await mkdir(folder, { recursive: true });
		const credentials = [
			...credentialFile({ ...gateway, isMock: true }),
			{
				...OPENROUTER_CREDENTIAL,
				type: 'openRouterApi',
				data: { apiKey: gateway.apiKey, url: gateway.baseUrl },
			},
		];
		await writeFile(join(folder, 'credentials.json'), JSON.stringify(credentials), { mode: 0o600 });
		const workflow = benchWorkflow(
			items,
			branches,
			{ routedChat: DEMO_CREDENTIAL },
			gateway.baseUrl,
		);
		await writeFile(join(folder, 'workflow.json'), JSON.stringify(workflow));
		log('n8n: importing the credentials and the workflow');
		await n8nOrThrow(instance, [
			'import:credentials',
			`--input=${join(folder, 'credentials.json')}`,
		]);
		await n8nOrThrow(instance, ['import:workflow', `--input=${join(folder, 'workflow.json')}`]);
		const executions: Execution[] = [];
		for (let run = 1; run <= runs; run++) {
			log(
				`n8n: execution ${run} of ${runs}: ${items} items through each of ${branches.length} nodes`,
			);
			executions.push(await execute(instance, cpuProfileDir));
		}
		return executions;
	} finally {
		await removeInstance(instance);
	}
}

async function execute(
	instance: N8nInstance,
	cpuProfileDir: string | undefined,
): Promise<Execution> {
	const extraEnv = cpuProfileDir
		? { NODE_OPTIONS: `--cpu-prof --cpu-prof-interval=200 --cpu-prof-dir=${cpuProfileDir}` }
		: {};
	const finished = await n8n(instance, ['execute', `--id=${BENCH_WORKFLOW_ID}`, '--rawOutput'], {
		// Eleven passes of 200 items, the chain's among them, on a busy 2-core machine.
		timeoutMs: 480_000,
		extraEnv,
	});
	try {
		return parseExecution(finished.stdout);
	} catch {
		throw new Error(`n8n execute printed no execution\n${tail(finished)}`);
	}
}
