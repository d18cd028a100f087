import type { BuildOptions } from 'esbuild';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const { bundleOptions } = require(join(ROOT, 'gulpfile.js')) as {
	bundleOptions: (outdir: string) => BuildOptions;
};

/** package.json's `main`, bundled as `npm run build` bundles it: what a Code node gets from require(). */
describe("the package's main module", () => {
	const outdir = mkdtempSync(join(tmpdir(), 'routed-chat-main-'));
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
		main?: string;
	};
	let main: string;

	beforeAll(async () => {
		await build({ ...bundleOptions(outdir), absWorkingDir: ROOT, logLevel: 'silent' });
		main = join(outdir, relative('dist', manifest.main ?? 'dist/missing.js'));
	});
	afterAll(() => rmSync(outdir, { recursive: true, force: true }));

	it('is the routing core, standing alone: no n8n module needed', () => {
		expect(manifest.main).toBe('dist/index.js');
		expect(readFileSync(main, 'utf8')).not.toMatch(/require\("n8n-workflow"\)/);
	});

	it("exports the core's public API, which works from there", () => {
		const core = require(main) as typeof import('../../nodes/RoutedChat/core');
		expect(Object.keys(core)).toEqual(
			expect.arrayContaining(['routeItem', 'routeChat', 'chooseRoute', 'summarizeCosts']),
		);
		const choice = core.chooseRoute(
			[{ condition: { type: 'promptTokensAbove', tokens: 3 }, target: { tier: 'strong' } }],
			{ prompt: 'a prompt of more than three tokens', promptTokens: 9, item: {} },
			{ tier: 'cheap' },
		);
		expect(choice).toEqual({ route: 'rule 1: prompt over 3 tokens', target: { tier: 'strong' } });
	});
});
