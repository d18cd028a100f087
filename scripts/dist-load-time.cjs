#!/usr/bin/env node
// How long n8n takes to load the built node: the median, over fresh processes,
// of require(dist/nodes/RoutedChat/RoutedChat.node.js) once n8n-workflow is
// loaded (n8n has it loaded before any community node), resolved from the
// file's folder as the file will resolve it, else from n8n's own install.
// usage: node scripts/dist-load-time.cjs <n8n node_modules> [runs=21] [file]
const { execFileSync } = require('node:child_process');
const { dirname, resolve } = require('node:path');

const [nodeModules, runs = '21', file = 'dist/nodes/RoutedChat/RoutedChat.node.js'] =
	process.argv.slice(2);
if (!nodeModules) throw new Error('usage: dist-load-time.cjs <n8n node_modules> [runs] [file]');

const probe = `
const { performance } = require('node:perf_hooks');
require(require.resolve('n8n-workflow', { paths: [${JSON.stringify(dirname(resolve(file)))}] }));
const start = performance.now();
require(${JSON.stringify(resolve(file))});
process.stdout.write(String(performance.now() - start));
`;
const times = Array.from({ length: Number(runs) }, () =>
	Number(
		execFileSync(process.execPath, ['-e', probe], {
			env: { ...process.env, NODE_PATH: nodeModules },
			encoding: 'utf8',
		}),
	),
).sort((a, b) => a - b);
console.log(
	`${file}: median ${times[Math.floor(times.length / 2)].toFixed(1)} ms over ${times.length} runs (node ${process.version})`,
);
