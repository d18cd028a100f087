import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { runEntryPoint, stopAllChildren, stopChildrenOnExit } from '../../scripts/n8n/children';
import { type Gateway, startMockGateway } from '../../scripts/n8n/gateway';
import { removeInstance } from '../../scripts/n8n/instance';
import { progress } from '../../scripts/n8n/progress';
import { executeWorkflow, type Stage, stageN8n } from '../../scripts/n8n/stage';
import { agentChecks } from './agentChecks';
import { attachmentChecks } from './attachmentChecks';
import { cascadeChecks } from './cascadeChecks';
import { type Check, runChecks } from './check';
import { continueOnFailChecks } from './continueOnFailChecks';
import { costComparison } from './costComparison';
import { demoChecks } from './demoChecks';
import { installChecks } from './installChecks';
import { generationStatsChecks } from './generationStatsChecks';
import { fetchPricing } from './mockPricing';
import { routingSurfaceChecks } from './routingSurfaceChecks';
import { type RoutingSurfaceGateway, startRoutingSurfaceGateway } from './routingSurfaceGateway';
import { streamingChecks } from './streamingChecks';
import { runStreaming, startStreamingGateway, type StreamingGateway } from './streamingRun';
import { writeStrongOnlyWorkflow } from './strongOnlyWorkflow';
import { toolRoundTripChecks } from './toolRoundTripChecks';

const REPO_ROOT = resolve(__dirname, '..', '..');
const DEMO_WORKFLOW = join(REPO_ROOT, 'examples', 'routed-chat-demo.json');
const CONTINUE_ON_FAIL_WORKFLOW = join(REPO_ROOT, 'test', 'e2e', 'continue-on-fail.json');
const CASCADE_WORKFLOW = join(REPO_ROOT, 'examples', 'support-ticket-cascade.json');
const AGENT_WORKFLOW = join(REPO_ROOT, 'examples', 'routed-chat-model-agent.json');
const STREAMING_WORKFLOW = join(REPO_ROOT, 'test', 'e2e', 'streaming-webhook.json');
const ATTACHMENT_WORKFLOW = join(REPO_ROOT, 'test', 'e2e', 'attachment.json');
const TOOLS_WORKFLOW = join(REPO_ROOT, 'examples', 'routed-chat-tool-round-trip.json');
const ROUTING_SURFACE_WORKFLOW = join(REPO_ROOT, 'test', 'e2e', 'routing-surface.json');
const GENERATION_STATS_WORKFLOW = join(REPO_ROOT, 'test', 'e2e', 'generation-stats.json');

/**
 * Run by scripts/e2e.sh once the package is packed: `run.ts --tarball <tgz> [--keep]`.
 * Always the loopback mock, never OpenRouter, whatever the environment holds.
 */
async function main(): Promise<number> {
	const { values } = parseArgs({
		options: { tarball: { type: 'string' }, keep: { type: 'boolean', default: false } },
	});
	if (!values.tarball) throw new Error('--tarball is required');

	let gateway: Gateway | undefined;
	let stage: Stage | undefined;
	let streaming: StreamingGateway | undefined;
	let surface: RoutingSurfaceGateway | undefined;
	const cleanUp = async () => {
		await stopAllChildren();
		await streaming?.gateway.stop();
		await surface?.gateway.stop();
		if (stage && !values.keep) await removeInstance(stage.instance);
	};
	stopChildrenOnExit(cleanUp);

	try {
		gateway = await startMockGateway('demo', REPO_ROOT);
		progress(`mock gateway (scenario "demo") on ${gateway.baseUrl}`);
		streaming = await startStreamingGateway();
		surface = await startRoutingSurfaceGateway();
		const derived = await mkdtemp(join(tmpdir(), 'routed-chat-e2e-workflows-'));
		try {
			stage = await stageN8n({
				label: 'e2e',
				tarball: values.tarball,
				gateway,
				workflowPaths: [
					DEMO_WORKFLOW,
					CONTINUE_ON_FAIL_WORKFLOW,
					CASCADE_WORKFLOW,
					await writeStrongOnlyWorkflow(CASCADE_WORKFLOW, derived),
					AGENT_WORKFLOW,
					STREAMING_WORKFLOW,
					ATTACHMENT_WORKFLOW,
					TOOLS_WORKFLOW,
					ROUTING_SURFACE_WORKFLOW,
					GENERATION_STATS_WORKFLOW,
				],
				otherCredentials: [...streaming.credentials, ...surface.credentials],
			});
		} finally {
			await rm(derived, { recursive: true, force: true });
		}
		const [
			demoWorkflow,
			continueOnFailWorkflow,
			cascadeWorkflow,
			strongOnlyWorkflow,
			agentWorkflow,
			streamingWorkflow,
			attachmentWorkflow,
			toolsWorkflow,
			surfaceWorkflow,
			generationStatsWorkflow,
		] = stage.workflows;
		const demo = await executeWorkflow(stage, demoWorkflow);
		const continueOnFail = await executeWorkflow(stage, continueOnFailWorkflow);
		const cascade = await executeWorkflow(stage, cascadeWorkflow);
		const strongOnly = await executeWorkflow(stage, strongOnlyWorkflow);
		const agent = await executeWorkflow(stage, agentWorkflow);
		const streamed = await runStreaming(stage, streaming, streamingWorkflow);
		const attachment = await executeWorkflow(stage, attachmentWorkflow);
		const tools = await executeWorkflow(stage, toolsWorkflow);
		const routingSurface = await executeWorkflow(stage, surfaceWorkflow);
		const generationStats = await executeWorkflow(stage, generationStatsWorkflow);
		const pricing = await fetchPricing(gateway);
		const executed = {
			demo,
			continueOnFail,
			cascade,
			strongOnly,
			agent,
			attachment,
			tools,
			routingSurface,
			generationStats,
		};
		if (values.keep) {
			for (const [label, { execution }] of Object.entries(executed)) {
				await writeFile(
					join(stage.instance.userFolder, `execution-${label}.json`),
					JSON.stringify(execution, null, 2),
				);
			}
		}
		const cascadeRun = {
			cascade: cascade.execution,
			strongOnly: strongOnly.execution,
			workflow: cascadeWorkflow,
			pricing,
		};

		const checks: Check[] = [
			...installChecks({
				repoRoot: REPO_ROOT,
				instance: stage.instance,
				installed: stage.installed,
				n8nOutput: [...Object.values(executed), streamed]
					.map((outcome) => outcome.output)
					.join('\n'),
				apiKey: gateway.apiKey,
			}),
			...demoChecks({ execution: demo.execution, workflow: demoWorkflow, pricing }),
			...continueOnFailChecks(continueOnFail.execution, continueOnFailWorkflow),
			...cascadeChecks(cascadeRun),
			...agentChecks({ execution: agent.execution, workflow: agentWorkflow, pricing }),
			...streamingChecks(streamed),
			...generationStatsChecks(generationStats.execution, pricing),
			...attachmentChecks(attachment.execution),
			...toolRoundTripChecks({ execution: tools.execution, workflow: toolsWorkflow, pricing }),
			...routingSurfaceChecks({
				execution: routingSurface.execution,
				requests: surface.chatRequests(),
				pricing: await fetchPricing(surface.gateway),
			}),
		];
		process.stdout.write('\n');
		const failed = runChecks(checks);
		process.stdout.write(`\n${costComparison(cascadeRun).join('\n')}\n`);
		process.stdout.write(
			failed === 0
				? `\ne2e: PASS (${checks.length} checks in n8n ${process.env.N8N_VERSION ?? ''})\n`
				: `\ne2e: FAIL (${failed} of ${checks.length} checks failed)${values.keep ? `; n8n user folder kept: ${stage.instance.userFolder}` : ''}\n`,
		);
		return failed === 0 ? 0 : 1;
	} finally {
		await cleanUp();
	}
}

runEntryPoint(main, (reason) => `\ne2e: FAIL (${reason})\n`);
