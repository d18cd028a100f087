#!/usr/bin/env node
// Runs n8n's verification scanner (@n8n/scan-community-package, pinned as a
// devDependency) on this repository and on a local `npm pack`, offline. The
// scanner's own `analyzePackage` lints both of its legs with its own config
// and its own pinned plugins: the source leg (package.json, nodes/,
// credentials/) and the tarball leg (every .js and the packed package.json),
// inline `eslint-disable` comments ignored. Its provenance and source-download
// steps need the npm registry and GitHub: README, "Verification".
// Besides, anything packed beyond dist/ and npm's always-packed files fails.
// `--no-build` skips `npm run build` (.npmrc sets ignore-scripts, so npm's
// prepack hook does not run).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const ROOT = resolve(import.meta.dirname, '..');
/** The scanner's tarball leg (analyzePackageByName). */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];
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
	const [{ filename, size }] = JSON.parse(
		run('npm', ['pack', '--json', '--pack-destination', dir], ROOT),
	);
	const packageDir = join(dir, 'package');
	run('tar', ['-xzf', join(dir, filename), '-C', dir], ROOT);
	return { packageDir, size };
}

/** Anything beyond dist/ and npm's always-packed files is a packaging mistake. */
function strayFiles(packageDir) {
	return readdirSync(packageDir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(packageDir, join(entry.parentPath, entry.name)))
		.filter((file) => !file.startsWith('dist/') && !ALWAYS_PACKED.test(file));
}

function report(leg, result) {
	console.log(
		`${result.passed ? 'passed' : 'FAILED'}  ${leg}${result.message ? `: ${result.message}` : ''}`,
	);
	if (result.details) console.log(result.details);
	return result.passed;
}

async function main() {
	if (!process.argv.includes('--no-build')) run('npm', ['run', 'build'], ROOT);
	const workDir = mkdtempSync(join(tmpdir(), 'routed-chat-pack-'));
	try {
		const { packageDir, size } = packInto(workDir);
		const source = await analyzePackage(ROOT, SOURCE_FILE_PATTERNS);
		const tarball = await analyzePackage(packageDir, TARBALL_FILE_PATTERNS);
		const stray = strayFiles(packageDir);
		const passed = [
			report('source (package.json, nodes/, credentials/)', source),
			report(`tarball (${(size / 1000).toFixed(1)} kB packed: every .js, package.json)`, tarball),
			report(
				'tarball contents',
				stray.length === 0
					? { passed: true }
					: { passed: false, message: `unexpected files: ${stray.join(', ')}` },
			),
		].every(Boolean);
		process.exitCode = passed ? 0 : 1;
	} finally {
		rmSync(workDir, { recursive: true, force: true });
	}
}

await main();
