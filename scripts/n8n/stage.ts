import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

import { credentialFile } from './credential';
import { type Execution, parseExecution } from './execution';
import type { Gateway } from './gateway';
import { installPackage, type InstalledPackage } from './installPackage';
import {
	createInstance,
	n8n,
	N8nCommandError,
	n8nOrThrow,
	type N8nInstance,
	tail,
} from './instance';
import { progress, seconds } from './progress';
import { readWorkflow, type Workflow } from './workflowFile';

/** A throwaway n8n with our package installed and the credential and workflows imported. */
export interface Stage {
	instance: N8nInstance;
	installed: InstalledPackage;
	workflows: Workflow[];
}

export async function stageN8n(options: {
	label: string;
	tarball: string;
	gateway: Gateway;
	workflowPaths: string[];
	/** Credentials besides the demo one, as credentialFile writes them. */
	otherCredentials?: unknown[];
}): Promise<Stage> {
	const instance = await createInstance(options.label);
	progress(`n8n user folder: ${instance.userFolder}`);

	let started = Date.now();
	const installed = await installPackage(instance, options.tarball);
	progress(
		`installed ${installed.name}@${installed.version} as the Community Nodes UI does (${seconds(started)})`,
	);

	const importFolder = join(instance.userFolder, 'import');
	const workflowFolder = join(importFolder, 'workflows');
	await mkdir(workflowFolder, { recursive: true });
	const credentialPath = join(importFolder, 'credentials.json');
	const credentials = [...credentialFile(options.gateway), ...(options.otherCredentials ?? [])];
	await writeFile(credentialPath, JSON.stringify(credentials, null, 2), {
		mode: 0o600,
	});
	const workflows = await Promise.all(options.workflowPaths.map(readWorkflow));
	await Promise.all(
		options.workflowPaths.map(
			async (path) => await copyFile(path, join(workflowFolder, basename(path))),
		),
	);

	started = Date.now();
	// The first command creates the database (about 60 migrations).
	await n8nOrThrow(instance, ['import:credentials', `--input=${credentialPath}`]);
	progress(`imported the credential (${seconds(started)}, first boot migrates the database)`);
	started = Date.now();
	await n8nOrThrow(instance, ['import:workflow', '--separate', `--input=${workflowFolder}`]);
	progress(
		`imported ${workflows.map((workflow) => `"${workflow.name}"`).join(', ')} (${seconds(started)})`,
	);
	return { instance, installed, workflows };
}

export interface ExecutionOutcome {
	execution: Execution;
	/** Everything n8n printed, for diagnostics and for the key-leak check. */
	output: string;
	exitCode: number | null;
}

/**
 * `n8n execute` has been seen to crash on exit after a good run, so the parsed
 * execution decides, not the exit code.
 */
export async function executeWorkflow(stage: Stage, workflow: Workflow): Promise<ExecutionOutcome> {
	const started = Date.now();
	const finished = await n8n(stage.instance, ['execute', `--id=${workflow.id}`, '--rawOutput']);
	let execution: Execution;
	try {
		execution = parseExecution(finished.stdout);
	} catch {
		throw new N8nCommandError(
			`n8n execute printed no execution for "${workflow.name}"\n${tail(finished)}`,
		);
	}
	const exit =
		finished.code === 0
			? ''
			: `; n8n then exited with ${finished.code ?? finished.signal}, ignored`;
	progress(`executed "${workflow.name}" in n8n (${seconds(started)}${exit})`);
	return { execution, output: `${finished.stdout}\n${finished.stderr}`, exitCode: finished.code };
}
