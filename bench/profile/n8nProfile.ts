import { resolve } from 'node:path';

import { succeeded } from '../../scripts/n8n/execution';
import { runComparison } from '../n8n/stage';
import { startBenchGateway } from '../support/mockGateway';

/**
 * `n8nProfile.ts <tarball> <profile dir> [items]`: the n8n row's workflow under
 * `node --cpu-prof`; summarize the main process's profile with summarize.ts.
 */
async function main(): Promise<void> {
	const [tarball, dir = 'bench/results/n8n-profile', items = '200'] = process.argv.slice(2);
	if (!tarball) throw new Error('usage: n8nProfile.ts <tarball> [profile dir] [items]');
	const gateway = await startBenchGateway();
	try {
		const [execution] = await runComparison(tarball, gateway, {
			items: Number(items),
			runs: 1,
			log: (line) => process.stderr.write(`${line}\n`),
			cpuProfileDir: resolve(dir),
		});
		process.stdout.write(
			`execution ${succeeded(execution) ? 'succeeded' : 'failed'}; profiles in ${dir}\n`,
		);
	} finally {
		await gateway.stop();
	}
}

void main();
