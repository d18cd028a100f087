import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { runChild } from './children';
import type { N8nInstance } from './instance';

export interface InstalledPackage {
	name: string;
	version: string;
	directory: string;
}

async function run(command: string, args: string[], cwd: string): Promise<void> {
	const finished = await runChild(command, args, { cwd, timeoutMs: 120_000 });
	if (finished.code !== 0)
		throw new Error(`${command} ${args.join(' ')} failed in ${cwd}\n${finished.stderr}`);
}

async function readJson(path: string): Promise<Record<string, unknown>> {
	return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

/**
 * Installs a packed tarball the way n8n 2.41's Community Nodes UI does
 * (CommunityPackagesService.downloadPackage): unpack into
 * <user folder>/.n8n/nodes/node_modules/<name>, drop the dev, peer and optional
 * dependencies from its package.json, `npm install` what is left, and record
 * the package in the nodes folder's package.json.
 */
export async function installPackage(
	instance: N8nInstance,
	tarball: string,
): Promise<InstalledPackage> {
	const nodesFolder = join(instance.userFolder, '.n8n', 'nodes');
	const staging = join(nodesFolder, '.unpacked');
	await mkdir(staging, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1'], nodesFolder);
	const { name, version } = (await readJson(join(staging, 'package.json'))) as {
		name: string;
		version: string;
	};

	const directory = join(nodesFolder, 'node_modules', name);
	await mkdir(join(directory, '..'), { recursive: true });
	await run('mv', [staging, directory], nodesFolder);

	const manifestPath = join(directory, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } =
		await readJson(manifestPath);
	await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
	await run(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		directory,
	);

	const nodesManifest = {
		name: 'installed-nodes',
		private: true,
		dependencies: { [name]: version },
	};
	await writeFile(join(nodesFolder, 'package.json'), JSON.stringify(nodesManifest, null, 2));
	return { name, version, directory };
}
