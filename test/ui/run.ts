import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { runEntryPoint, stopAllChildren, stopChildrenOnExit } from '../../scripts/n8n/children';
import { freePort } from '../../scripts/n8n/freePort';
import { type Gateway, startMockGateway } from '../../scripts/n8n/gateway';
import { removeInstance } from '../../scripts/n8n/instance';
import { progress, seconds } from '../../scripts/n8n/progress';
import { type Stage, stageN8n } from '../../scripts/n8n/stage';
import { startUi } from '../../scripts/n8n/ui';
import { FailureArtifacts, slugOf } from './artifacts';
import { type Browser, launchChromium } from './browser';
import { signIn } from './editor';
import type { Scenario, UiContext } from './scenario';
import { scenarios } from './scenarios';

const REPO_ROOT = resolve(__dirname, '..', '..');
const DEMO_WORKFLOW = join(REPO_ROOT, 'examples', 'routed-chat-demo.json');
const DOCS = join(REPO_ROOT, 'docs');
const ARTIFACTS = join(REPO_ROOT, 'test-results', 'ui');

/** Runs each scenario on the same signed-in page; a failure saves what the page showed and goes on. */
async function runScenarios(
	list: Scenario[],
	context: UiContext,
	artifacts: FailureArtifacts,
): Promise<number> {
	const { page } = context;
	let consoleLines: string[] = [];
	page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
	page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));
	let failed = 0;
	for (const scenario of list) {
		consoleLines = [];
		const started = Date.now();
		try {
			await scenario.run(context);
			process.stdout.write(`PASS  ${scenario.name} (${seconds(started)})\n`);
		} catch (error) {
			failed += 1;
			const reason = error instanceof Error ? error.message : String(error);
			process.stdout.write(
				`FAIL  ${scenario.name} (${seconds(started)})\n${reason.replace(/^/gm, '      ')}\n`,
			);
			await artifacts.save(slugOf(scenario.name), page, consoleLines, error);
			// The next scenario starts from a clean page, not from whatever this one left open.
			await page.goto('about:blank');
		}
	}
	return failed;
}

/**
 * Run by scripts/ui.sh once the package is packed: `run.ts --tarball <tgz> [--keep] [--screenshots]`.
 * `--attach <url>` runs the scenarios against an n8n already running from `npm run demo -- --ui`;
 * `--only <text>` runs the scenarios whose name contains it.
 */
async function main(): Promise<number> {
	const { values } = parseArgs({
		options: {
			tarball: { type: 'string' },
			keep: { type: 'boolean', default: false },
			screenshots: { type: 'boolean', default: false },
			attach: { type: 'string' },
			only: { type: 'string' },
		},
	});

	let stage: Stage | undefined;
	let browser: Browser | undefined;
	const cleanUp = async () => {
		await browser?.close().catch(() => {});
		await stopAllChildren();
		if (stage && !values.keep) await removeInstance(stage.instance);
	};
	stopChildrenOnExit(cleanUp);

	const artifacts = new FailureArtifacts(ARTIFACTS);
	await artifacts.clear();
	try {
		const gateway: Gateway = await startMockGateway('demo', REPO_ROOT);
		progress(`mock gateway (scenario "demo") on ${gateway.baseUrl}`);
		let n8nUrl = values.attach?.replace(/\/+$/, '');
		if (!n8nUrl) {
			if (!values.tarball) throw new Error('--tarball or --attach is required');
			stage = await stageN8n({
				label: 'ui',
				tarball: values.tarball,
				gateway,
				workflowPaths: [DEMO_WORKFLOW],
			});
			const port = await freePort();
			const started = Date.now();
			await startUi(stage.instance, port);
			n8nUrl = `http://127.0.0.1:${port}`;
			progress(`n8n editor on ${n8nUrl} (${seconds(started)})`);
		}

		browser = await launchChromium();
		const page = await browser.context.newPage();
		page.setDefaultTimeout(30_000);
		await signIn(page, n8nUrl);
		progress(`signed in with Chromium ${browser.context.browser()?.version() ?? ''}`);

		const capture: UiContext['capture'] = async (name, target) => {
			if (!values.screenshots) return;
			const path = join(DOCS, `${name}.png`);
			await target.screenshot({ path });
			progress(`wrote ${path}`);
		};
		const selected = values.only
			? scenarios.filter((scenario) => scenario.name.includes(values.only as string))
			: scenarios;
		process.stdout.write('\n');
		const failed = await runScenarios(selected, { page, n8nUrl, gateway, capture }, artifacts);
		if (failed > 0) {
			const files = await artifacts.list(REPO_ROOT);
			process.stdout.write(
				`\nScreenshots, console logs and page HTML of the failed scenarios: ${ARTIFACTS}\n${files.map((file) => `  ${file}`).join('\n')}\n`,
			);
		}
		process.stdout.write(
			failed === 0
				? `\ntest:ui: PASS (${selected.length} scenarios in n8n ${process.env.N8N_VERSION ?? ''}'s editor)\n`
				: `\ntest:ui: FAIL (${failed} of ${selected.length} scenarios failed)\n`,
		);
		return failed === 0 ? 0 : 1;
	} finally {
		await cleanUp();
	}
}

runEntryPoint(main, (reason) => `\ntest:ui: FAIL (${reason})\n`);
