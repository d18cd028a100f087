const { readFile, rm } = require('node:fs/promises');
const esbuild = require('esbuild');
const { dest, series, src } = require('gulp');

const { linearSchemaPatterns, VALIDATE_FILE } = require('./scripts/linearSchemaPatterns.cjs');

const OUT_DIR = 'dist';

// Output paths mirror the sources, so the `n8n` field of package.json finds them. `index` is
// package.json's `main`: the routing core's public API, for Code nodes that may require it.
const ENTRY_POINTS = [
	{ in: 'nodes/RoutedChat/RoutedChat.node.ts', out: 'nodes/RoutedChat/RoutedChat.node' },
	{
		in: 'nodes/RoutedChatModel/RoutedChatModel.node.ts',
		out: 'nodes/RoutedChatModel/RoutedChatModel.node',
	},
	{
		in: 'credentials/RoutedChatOpenRouterApi.credentials.ts',
		out: 'credentials/RoutedChatOpenRouterApi.credentials',
	},
	{ in: 'nodes/RoutedChat/core/index.ts', out: 'index' },
];

// n8n reads the codex (<node>.node.json) and the `file:` icons next to each class file.
const STATIC_FILES = ['nodes/**/*.svg', 'nodes/**/*.node.json', 'credentials/**/*.svg'];

function clean() {
	return rm(OUT_DIR, { recursive: true, force: true });
}

/** Rewrites the JSON Schema validator's pattern RegExps (scripts/linearSchemaPatterns.cjs), and fails the build if it found none to rewrite. */
const linearSchemaPatternsPlugin = {
	name: 'linear-schema-patterns',
	setup(build) {
		let rewritten = 0;
		build.onStart(() => {
			rewritten = 0;
		});
		build.onLoad({ filter: VALIDATE_FILE }, async (args) => {
			rewritten++;
			return { contents: linearSchemaPatterns(await readFile(args.path, 'utf8'), args.path) };
		});
		build.onEnd((result) => {
			if (rewritten === 0 && result.errors.length === 0)
				result.errors.push({ text: "The JSON Schema validator's patterns were not rewritten" });
		});
	},
};

/** esbuild's options for the bundles, written to `outdir`. */
function bundleOptions(outdir) {
	return {
		entryPoints: ENTRY_POINTS,
		outdir,
		bundle: true,
		platform: 'node',
		target: 'node20',
		format: 'cjs',
		// The n8n instance provides n8n-workflow and @n8n/ai-node-sdk (which Routed Chat Model
		// requires lazily); zod and @cfworker/json-schema ship inside the bundle, because a
		// community package must not have runtime dependencies.
		external: ['n8n-workflow', '@n8n/ai-node-sdk'],
		// Unminified for readable stack traces; keepNames because n8n records each
		// class by its constructor name and error classes report theirs.
		minify: false,
		keepNames: true,
		// n8n runs without --enable-source-maps, so a map would only add weight.
		sourcemap: false,
		legalComments: 'eof',
		plugins: [linearSchemaPatternsPlugin],
		logLevel: 'warning',
	};
}

function bundle() {
	return esbuild.build(bundleOptions(OUT_DIR));
}

function copyStatic() {
	return src(STATIC_FILES, { base: '.', encoding: false }).pipe(dest(OUT_DIR));
}

exports.bundleOptions = bundleOptions;
exports.clean = clean;
exports.build = series(clean, bundle, copyStatic);
