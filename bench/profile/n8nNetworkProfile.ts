import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { succeeded } from '../../scripts/n8n/execution';
import { idealMs, nodeTiming } from '../n8n/nodeTiming';
import { Spending } from '../n8n/spending';
import { runComparison } from '../n8n/stage';
import { BENCH_WORKFLOW_ID, type Branch } from '../n8n/workflow';
import { FAST_MODEL, SLOW_LATENCY_MS, SLOW_MODEL } from '../support/benchModels';
import { describeMockLoad } from '../support/mockLoad';
import { startBenchGateway } from '../support/mockGateway';
import { watchProcessCpu } from '../support/processCpu';
import { percentile } from '../support/stats';

/**
 * `n8nNetworkProfile.ts <tarball> [profile dir|-] [items]`: the network-bound
 * rows (Routed Chat at concurrency 10 and 20, mock at 50 ms) beside n8n's own
 * per-item floor (an Edit Fields node evaluating the same prompt expression,
 * the HTTP Request node at 0 ms) after warm-up passes, optionally under
 * `node --cpu-prof`. For each node: n8n's executionTime, the n8n process's CPU
 * time per item (from /proc), the items' latency as Routed Chat measured it,
 * and what the mock spent meanwhile. With DUMP_TIMELINE=<file>, also writes the
 * mock's timeline (when it received and answered each request), the n8n
 * process's CPU samples and each node's run, to see how the pool's requests
 * go out over time.
 */
async function main(): Promise<void> {
	const [tarball, dir = '-', items = '200'] = process.argv.slice(2);
	if (!tarball) throw new Error('usage: n8nNetworkProfile.ts <tarball> [profile dir|-] [items]');
	const count = Number(items);
	const slow = (limit: number): Branch => ({
		name: `Routed Chat, ${SLOW_LATENCY_MS} ms, concurrency ${limit}`,
		kind: 'routedChat',
		model: SLOW_MODEL,
		concurrency: limit,
	});
	const measured: Branch[] = [
		{ name: 'Edit Fields, the prompt expression', kind: 'setField', model: FAST_MODEL },
		{
			name: 'HTTP Request, 0 ms, batches of 10',
			kind: 'httpRequest',
			model: FAST_MODEL,
			concurrency: 10,
		},
		{ name: 'Routed Chat, 0 ms, concurrency 10', kind: 'routedChat', model: FAST_MODEL },
		slow(10),
		slow(20),
	];
	const branches: Branch[] = [
		...measured.map((branch) => ({ ...branch, name: `Warm-up: ${branch.name}` })),
		...measured,
	];
	const gateway = await startBenchGateway();
	const cpu = watchProcessCpu(`--id=${BENCH_WORKFLOW_ID}`);
	try {
		await gateway.reset();
		const [execution] = await runComparison(tarball, gateway, {
			items: count,
			branches,
			runs: 1,
			log: (line) => process.stderr.write(`${line}\n`),
			cpuProfileDir: dir === '-' ? undefined : resolve(dir),
		});
		const cpuTimeline = cpu.stop();
		const timeline = await gateway.timeline();
		const runs = Object.fromEntries(
			measured.map((branch) => [branch.name, nodeTiming(execution, branch.name)]),
		);
		if (process.env.DUMP_TIMELINE) {
			await writeFile(
				process.env.DUMP_TIMELINE,
				JSON.stringify({ timeline, runs, cpu: cpuTimeline }),
			);
		}
		process.stdout.write(`execution ${succeeded(execution) ? 'succeeded' : 'failed'}\n`);
		const spent = new Spending(new Map(Object.entries(runs)), cpuTimeline, timeline, count);
		for (const branch of measured) {
			const run = runs[branch.name];
			const line = [`${branch.name}: ${run.ms} ms`, spent.describeCpu(branch.name)];
			if (branch.model === SLOW_MODEL) {
				const ideal = idealMs(count, branch.concurrency ?? 10);
				const at = (p: number) => percentile(run.latencies, p).toFixed(0);
				line.push(
					`ideal/wall ${(ideal / run.ms).toFixed(3)}`,
					`item latency p50 ${at(50)} p90 ${at(90)} max ${at(100)} ms`,
				);
			}
			line.push(describeMockLoad(spent.mockLoad(branch.name)));
			process.stdout.write(`${line.join('; ')}\n`);
		}
	} finally {
		cpu.stop();
		await gateway.stop();
	}
}

void main();
