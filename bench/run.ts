import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';

import { type BenchConfig, fullConfig, quickConfig } from './config';
import { formatTable, judge, type Report, type Row, toJson } from './report';
import { concurrency } from './rows/concurrency';
import { coreOverhead } from './rows/coreOverhead';
import { failover } from './rows/failover';
import { memory } from './rows/memory';
import { n8nRows, type N8nSetup } from './rows/n8nRows';
import { pathologicalAnswer } from './rows/pathologicalAnswer';
import { type BenchGateway, startBenchGateway } from './support/mockGateway';

const DEFAULT_JSON = resolve(__dirname, 'results', 'bench.json');

interface Args {
	quick: boolean;
	/** '-' for stdout. */
	json?: string;
	n8n: N8nSetup;
}

/** `run.ts [--quick] [--json [path|-]] [--tarball <tgz> | --n8n-unavailable <reason>]` (bench.sh passes the last two). */
function parseArgs(argv: string[]): Args {
	const args: Args = {
		quick: false,
		n8n: { unavailable: 'not asked for: run through bench/bench.sh' },
	};
	for (let i = 0; i < argv.length; i++) {
		const value = () => argv[++i] ?? '';
		const hasValue = argv[i + 1] !== undefined && !argv[i + 1].startsWith('--');
		if (argv[i] === '--quick') args.quick = true;
		else if (argv[i] === '--json') args.json = hasValue ? value() : DEFAULT_JSON;
		else if (argv[i] === '--tarball') args.n8n = { tarball: value() };
		else if (argv[i] === '--n8n-unavailable') args.n8n = { unavailable: value() };
		else throw new Error(`Unknown argument ${argv[i]}`);
	}
	return args;
}

function progress(line: string): void {
	process.stderr.write(`[bench] ${line}\n`);
}

async function measure(gateway: BenchGateway, config: BenchConfig, n8n: N8nSetup): Promise<Row[]> {
	const rows: Row[] = [];
	const { core } = config;
	progress(
		`core: ${core.calls} sequential calls each to a 0 ms model and ${core.calls20ms} to a 20 ms one, routeChat vs the bare client`,
	);
	rows.push(...(await coreOverhead(gateway, core)));
	progress(
		`concurrency: ${config.concurrency.map((run) => `${run.items} items at ${run.limit}`).join(', ')}`,
	);
	rows.push(...(await concurrency(gateway, config.concurrency)));
	progress(`failover: ${config.failover.calls} calls each`);
	rows.push(...(await failover(gateway, config.failover, config.failover.maxMs)));
	progress(`memory: ${config.memory.items} items in a fresh process`);
	rows.push(
		...(await memory(gateway, config.memory.items, config.memory.concurrency, config.memory)),
	);
	progress('pathological answer: a 1 MB unclosed JSON fence, parsed and checked');
	rows.push(...pathologicalAnswer());
	if (config.n8n) {
		progress(`real n8n: ${config.n8n.items} items through each node of one workflow`);
		rows.push(...(await n8nRows(gateway, n8n, config.n8n, progress)));
	}
	return rows;
}

async function main(): Promise<number> {
	const args = parseArgs(process.argv.slice(2));
	const config = args.quick ? quickConfig : fullConfig;
	const startedAt = new Date();
	const gateway = await startBenchGateway();
	let rows: Row[];
	try {
		rows = await measure(gateway, config, args.n8n);
	} finally {
		await gateway.stop();
	}
	const report: Report = {
		mode: args.quick ? 'quick' : 'full',
		startedAt: startedAt.toISOString(),
		durationS: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
		node: process.version,
		cpus: cpus().length,
		rows: rows.map(judge),
	};
	const table = `${formatTable(report.rows)}\n\n${report.mode} run: ${report.durationS} s, Node ${report.node}, ${report.cpus} CPUs\n`;
	if (args.json === '-') {
		process.stderr.write(table);
		process.stdout.write(toJson(report));
	} else {
		process.stdout.write(table);
		if (args.json) {
			await mkdir(dirname(args.json), { recursive: true });
			await writeFile(args.json, toJson(report));
			progress(`JSON written to ${args.json}`);
		}
	}
	const failed = report.rows.filter((row) => row.status === 'FAIL');
	// Only the quick form gates: it fails on gross regressions, which tight timings never are.
	return args.quick && failed.length > 0 ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		process.stderr.write(
			`[bench] failed: ${error instanceof Error ? error.stack : String(error)}\n`,
		);
		process.exit(2);
	},
);
