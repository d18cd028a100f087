import { resolve } from 'node:path';

import { succeeded } from '../../scripts/n8n/execution';
import { runComparison } from '../n8n/stage';
import { FAST_MODEL } from '../support/benchModels';
import { startBenchGateway } from '../support/mockGateway';

/**
 * `n8nProfile.ts <tarball> [profile dir] [items]`: one `n8n execute` under
 * `node --cpu-prof`, the items (1,000 by default) through the HTTP Request
 * node and then Routed Chat (pinned, default options), the mock answering at
 * 0 ms. Summarize the main process's profile with summarize.ts.
 */
async function main(): Promise<void> {
	const [tarball, dir = 'bench/results/n8n-profile', items = '1000'] = process.argv.slice(2);
	if (!tarball) throw new Error('usage: n8nProfile.ts <tarball> [profile dir] [items]');
	const gateway = await startBenchGateway();
	try {
		const [execution] = await runComparison(tarball, gateway, {
			items: Number(items),
			branches: [
				{ name: 'HTTP Request', kind: 'httpRequest', model: FAST_MODEL, concurrency: 10 },
				{ name: 'Routed Chat', kind: 'routedChat', model: FAST_MODEL },
			],
			runs: 1,
			log: (line) => process.stderr.write(`${line}\n`),
			cpuProfileDir: resolve(dir),
		});
		const runData = execution.data.resultData.runData as Record<
			string,
			Array<{ executionTime?: number }>
		>;
		const times = Object.entries(runData)
			.map(([node, runs]) => `${node} ${runs[0]?.executionTime ?? '?'} ms`)
			.join(', ');
		process.stdout.write(
			`execution ${succeeded(execution) ? 'succeeded' : 'failed'} (${times}); profiles in ${dir}\n`,
		);
	} finally {
		await gateway.stop();
	}
}

void main();
