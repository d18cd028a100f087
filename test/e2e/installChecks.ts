import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { InstalledPackage } from '../../scripts/n8n/installPackage';
import type { N8nInstance } from '../../scripts/n8n/instance';
import type { Check } from './check';

interface Manifest {
	name: string;
	version: string;
	n8n: { nodes: string[]; credentials: string[] };
}

const readManifest = (directory: string) =>
	JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as Manifest;

/** The package n8n ran is the tarball's, installed where the Community Nodes UI puts it. */
export function installChecks(options: {
	repoRoot: string;
	instance: N8nInstance;
	installed: InstalledPackage;
	n8nOutput: string;
	apiKey: string;
}): Check[] {
	const { installed, instance } = options;
	return [
		{
			name: 'the tarball is installed in <user folder>/.n8n/nodes with every file its n8n field names',
			run: () => {
				const repo = readManifest(options.repoRoot);
				const manifest = readManifest(installed.directory);
				assert.equal(
					installed.directory,
					join(instance.userFolder, '.n8n', 'nodes', 'node_modules', repo.name),
				);
				assert.equal(`${manifest.name}@${manifest.version}`, `${repo.name}@${repo.version}`);
				for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
					assert.ok(
						existsSync(join(installed.directory, file)),
						`${file} is missing from the tarball`,
					);
				}
			},
		},
		{
			name: 'n8n loaded the package without a load error',
			run: () => {
				const problem =
					/Failed to load package|Unrecognized node type|Unrecognized credential type|is not a known node/i.exec(
						options.n8nOutput,
					);
				assert.equal(problem, null, `n8n said: ${problem?.[0] ?? ''}`);
			},
		},
		{
			name: 'the API key appears nowhere in what n8n printed (execution data and logs)',
			run: () => assert.ok(!options.n8nOutput.includes(options.apiKey), 'the key leaked'),
		},
	];
}
