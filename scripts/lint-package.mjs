#!/usr/bin/env node
// Lints the packed tarball the way @n8n/scan-community-package does after a
// publish (it needs the package on npm; this runs on a local `npm pack`):
// unpack, then ESLint on every .js file and package.json with the scanner's
// config, inline `eslint-disable` comments ignored. Exit 1 on any error.
// `--no-build` skips `npm run build` (npm's prepack hook does not run here:
// .npmrc sets ignore-scripts). The one documented exception (README,
// "Verification"): no-restricted-globals inside the bundled openai SDK, told
// apart by the module comments esbuild writes into the bundle.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';

import { scanConfig } from '../eslint.config.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const TARBALL_FILES = ['**/*.js', 'package.json'];
// npm always packs the README, the licence and package.json besides `files`.
const ALWAYS_PACKED = /^(package\.json|README(\.md)?|LICEN[CS]E(\.md)?)$/i;

function run(command, args, cwd) {
	const result = spawnSync(command, args, {
		cwd,
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
	});
	if (result.status !== 0) {
		process.stdout.write(result.stdout ?? '');
		throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
	}
	return result.stdout;
}

function packInto(dir) {
	const [{ filename }] = JSON.parse(
		run('npm', ['pack', '--json', '--pack-destination', dir], ROOT),
	);
	const packageDir = join(dir, 'package');
	run('tar', ['-xzf', join(dir, filename), '-C', dir], ROOT);
	return packageDir;
}

function listFiles(dir) {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** Anything beyond dist/ and npm's always-packed files is a packaging mistake. */
function checkContents(packageDir) {
	return listFiles(packageDir).filter(
		(file) => !file.startsWith('dist/') && !ALWAYS_PACKED.test(file),
	);
}

const DOCUMENTED = {
	rule: '@n8n/community-nodes/no-restricted-globals',
	module: /^\/\/ node_modules\/openai\//,
};

/** The module a bundled line came from: esbuild heads each module with a `// node_modules/...` comment. */
function moduleOfLine(lines, line) {
	for (let index = line - 1; index >= 0; index--) {
		if (/^\/\/ (node_modules|nodes|credentials)\//.test(lines[index])) return lines[index];
	}
	return '';
}

/** Moves the documented SDK findings out of the error count; everything else still fails. */
function setAsideDocumented(results) {
	let documented = 0;
	for (const result of results) {
		const lines = readFileSync(result.filePath, 'utf8').split('\n');
		result.messages = result.messages.filter((message) => {
			const accepted =
				message.ruleId === DOCUMENTED.rule &&
				DOCUMENTED.module.test(moduleOfLine(lines, message.line));
			if (accepted) documented++;
			return !accepted;
		});
		result.errorCount = result.messages.filter((message) => message.severity === 2).length;
	}
	return documented;
}

function summarise(results, packageDir) {
	const byRule = new Map();
	for (const result of results) {
		for (const message of result.messages) {
			if (message.severity < 2) continue;
			const rule = message.ruleId ?? 'parse error';
			const entry = byRule.get(rule) ?? { count: 0, files: new Set() };
			entry.count += 1;
			entry.files.add(relative(packageDir, result.filePath));
			byRule.set(rule, entry);
		}
	}
	for (const [rule, { count, files }] of [...byRule].sort((a, b) => b[1].count - a[1].count)) {
		console.log(`  ${String(count).padStart(5)}  ${rule}  (${[...files].join(', ')})`);
	}
}

async function lintTarball(packageDir) {
	const eslint = new ESLint({
		cwd: packageDir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: scanConfig(),
	});
	const results = await eslint.lintFiles(TARBALL_FILES);
	const documented = setAsideDocumented(results);
	const formatter = await eslint.loadFormatter('stylish');
	return { results, documented, report: await formatter.format(results) };
}

async function main() {
	if (!process.argv.includes('--no-build')) run('npm', ['run', 'build'], ROOT);
	const workDir = mkdtempSync(join(tmpdir(), 'routed-chat-pack-'));
	try {
		const packageDir = packInto(workDir);
		const strayFiles = checkContents(packageDir);
		const { results, documented, report } = await lintTarball(packageDir);
		const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
		const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);

		if (report) console.log(report);
		console.log(`Tarball: ${results.length} files linted, ${errors} errors, ${warnings} warnings`);
		console.log(
			`  ${documented} documented no-restricted-globals findings in the bundled openai SDK (README, "Verification")`,
		);
		summarise(results, packageDir);
		if (strayFiles.length > 0)
			console.log(`Unexpected files in the tarball: ${strayFiles.join(', ')}`);
		process.exitCode = errors > 0 || strayFiles.length > 0 ? 1 : 0;
	} finally {
		rmSync(workDir, { recursive: true, force: true });
	}
}

await main();
