import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { runEntryPoint, stopAllChildren, stopChildrenOnExit } from './children';
import { DEMO_CREDENTIAL } from './credential';
import { formatDemoTable, demoRows } from './demoTable';
import { formatModelCallTable, modelCallRows } from './modelCallTable';
import { failureMessage, succeeded } from './execution';
import { type Gateway, OPENROUTER_BASE_URL, openRouterGateway, startMockGateway } from './gateway';
import { removeInstance } from './instance';
import { progress } from './progress';
import { executeWorkflow, type Stage, stageN8n } from './stage';
import { DEMO_OWNER, startUi } from './ui';

const REPO_ROOT = resolve(__dirname, '..', '..');
const EXAMPLE = join(REPO_ROOT, 'examples', 'routed-chat-demo.json');
const AGENT_EXAMPLE = join(REPO_ROOT, 'examples', 'routed-chat-model-agent.json');

/** Run by scripts/demo.sh once the package is built and packed: `demo.ts --tarball <tgz> [--ui] [--port 5678]`. */
async function main(): Promise<number> {
	const { values } = parseArgs({
		options: {
			tarball: { type: 'string' },
			ui: { type: 'boolean', default: false },
			port: { type: 'string', default: '5678' },
			keep: { type: 'boolean', default: false },
		},
	});
	if (!values.tarball) throw new Error('--tarball is required');

	let gateway: Gateway | undefined;
	let stage: Stage | undefined;
	let stopping = false;
	const cleanUp = async () => {
		stopping = true;
		await stopAllChildren();
		if (stage && !values.keep) await removeInstance(stage.instance);
	};
	stopChildrenOnExit(cleanUp);

	try {
		const apiKey = process.env.OPENROUTER_API_KEY?.trim();
		gateway = apiKey
			? openRouterGateway(apiKey, process.env.OPENROUTER_BASE_URL?.trim() || undefined)
			: await startMockGateway('demo', REPO_ROOT);
		progress(
			gateway.isMock
				? `mock gateway (scenario "demo") on ${gateway.baseUrl}; set OPENROUTER_API_KEY to use OpenRouter itself`
				: `OPENROUTER_API_KEY is set: the demo calls ${gateway.baseUrl} and costs real (small) money`,
		);
		stage = await stageN8n({
			label: 'demo',
			tarball: values.tarball,
			gateway,
			workflowPaths: [EXAMPLE, AGENT_EXAMPLE],
		});
		const [workflow, agentWorkflow] = stage.workflows;
		const { execution } = await executeWorkflow(stage, workflow);
		const { execution: agentExecution } = await executeWorkflow(stage, agentWorkflow);
		for (const [name, run] of [
			[workflow.name, execution],
			[agentWorkflow.name, agentExecution],
		] as const) {
			if (!succeeded(run)) {
				process.stderr.write(`\nThe workflow "${name}" failed in n8n: ${failureMessage(run)}\n`);
				return 1;
			}
		}

		process.stdout.write(
			`\n"${workflow.name}", executed by n8n ${process.env.N8N_VERSION ?? ''} through ${gateway.baseUrl}\n\n`,
		);
		process.stdout.write(`${formatDemoTable(demoRows(execution, workflow))}\n`);
		process.stdout.write(
			`\n"${agentWorkflow.name}": every call the AI Agent and the Basic LLM Chain made through Routed Chat Model\n\n`,
		);
		process.stdout.write(`${formatModelCallTable(modelCallRows(agentExecution, agentWorkflow))}\n`);
		if (gateway.baseUrl === OPENROUTER_BASE_URL) {
			process.stdout.write(
				'(On OpenRouter the pinned model is normally up, so no fallback is needed.)\n',
			);
		}

		if (!values.ui) return 0;
		const port = Number(values.port);
		progress(`starting n8n on http://localhost:${port} ...`);
		const { child, logPath } = await startUi(stage.instance, port);
		process.stdout.write(
			[
				'',
				`n8n is running at http://localhost:${port}`,
				`  sign in as ${DEMO_OWNER.email} / ${DEMO_OWNER.password} (a throwaway owner of this throwaway instance)`,
				`  workflow: http://localhost:${port}/workflow/${workflow.id}`,
				`  credential "${DEMO_CREDENTIAL.name}" points at ${gateway.baseUrl}${gateway.isMock ? ' (the mock keeps running)' : ''}`,
				`  n8n log: ${logPath}`,
				'Press Ctrl-C to stop n8n and the mock and delete the throwaway user folder.',
				'',
			].join('\n'),
		);
		const code = await new Promise<number>((resolve) =>
			child.once('exit', (exitCode) => resolve(exitCode ?? 1)),
		);
		if (stopping) return 130;
		const log = (await readFile(logPath, 'utf8')).trim().split('\n').slice(-20).join('\n');
		process.stderr.write(`\nn8n stopped by itself (exit ${code}); the end of its log:\n${log}\n`);
		return 1;
	} finally {
		await cleanUp();
	}
}

runEntryPoint(main, (reason) => `\n[routed-chat] demo failed: ${reason}\n`);
