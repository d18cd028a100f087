import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

/**
 * `summarize.ts <file.cpuprofile> [--during <regex>] [--focus <path part>]...`
 *
 * Busy time by package and by function, and the time spent under each function
 * of the focus paths (default: the node's own code, as source or as the bundle).
 * --during keeps the first stretch of samples (no gap over 0.4 s) whose stack
 * has a function matching the regex: one node's run inside a whole `n8n execute`.
 */
interface CallFrame {
	functionName: string;
	url: string;
	lineNumber: number;
}

interface ProfileNode {
	id: number;
	callFrame: CallFrame;
	children?: number[];
}

interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
	startTime: number;
}

interface Sample {
	at: number;
	micros: number;
	/** Leaf first. */
	stack: CallFrame[];
}

const ROOT = resolve(__dirname, '..', '..');
const GAP_MICROS = 400_000;

function readSamples(path: string): Sample[] {
	const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);
	let at = profile.startTime;
	return profile.samples.map((id, index) => {
		const micros = profile.timeDeltas[index] ?? 0;
		at += micros;
		const stack: CallFrame[] = [];
		for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
			const frame = byId.get(node)?.callFrame;
			if (frame) stack.push(frame);
		}
		return { at, micros, stack };
	});
}

function firstStretch(samples: Sample[], during: RegExp): Sample[] {
	const hits = samples.filter((sample) =>
		sample.stack.some((frame) => during.test(frame.functionName)),
	);
	if (hits.length === 0) throw new Error(`No sample has a function matching ${during}`);
	let end = hits[0].at;
	for (const hit of hits) {
		if (hit.at - end > GAP_MICROS) break;
		end = hit.at;
	}
	return samples.filter((sample) => sample.at >= hits[0].at && sample.at <= end);
}

function file(frame: CallFrame): string {
	return frame.url.startsWith('file://')
		? relative(ROOT, frame.url.slice('file://'.length))
		: frame.url;
}

function label(frame: CallFrame): string {
	const where = file(frame);
	return `${frame.functionName || '(anonymous)'}${where ? ` ${where.replace(/.*node_modules\//, '')}:${frame.lineNumber + 1}` : ''}`;
}

/** Our code, a package by name, a Node internal, or V8's own (GC, idle). */
function owner(frame: CallFrame, focus: string[]): string {
	if (focus.some((part) => frame.url.includes(part))) return 'our code (incl. bundled zod)';
	const packageName = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url)?.[1];
	if (packageName) return packageName;
	if (frame.url.startsWith('node:')) return 'node internals';
	return frame.functionName || '(unknown)';
}

function add(map: Map<string, number>, key: string, micros: number): void {
	map.set(key, (map.get(key) ?? 0) + micros);
}

function summarize(samples: Sample[], focus: string[]): string {
	const total = samples.reduce((sum, sample) => sum + sample.micros, 0);
	const busySamples = samples.filter((sample) => sample.stack[0]?.functionName !== '(idle)');
	const busy = busySamples.reduce((sum, sample) => sum + sample.micros, 0);
	const byOwner = new Map<string, number>();
	const bySelf = new Map<string, number>();
	const under = new Map<string, number>();
	for (const { micros, stack } of busySamples) {
		// Attributed to the innermost frame that has a file, so time in V8 builtins goes to their caller.
		add(byOwner, owner(stack.find((frame) => frame.url) ?? stack[0], focus), micros);
		add(bySelf, label(stack[0]), micros);
		const seen = new Set<string>();
		for (const frame of stack) {
			if (!focus.some((part) => frame.url.includes(part))) continue;
			const key = label(frame);
			if (!seen.has(key)) add(under, key, micros);
			seen.add(key);
		}
	}
	const ms = (micros: number) =>
		`${(micros / 1000).toFixed(0).padStart(6)} ms ${((100 * micros) / busy).toFixed(1).padStart(5)} %`;
	const top = (map: Map<string, number>, count: number) =>
		[...map]
			.sort((a, b) => b[1] - a[1])
			.slice(0, count)
			.map(([name, micros]) => `  ${ms(micros)}  ${name}`);
	return [
		`${(total / 1000).toFixed(0)} ms sampled, ${(busy / 1000).toFixed(0)} ms busy (shares are of busy time)`,
		'',
		'By owner of the innermost frame:',
		...top(byOwner, 15),
		'',
		'Self time, top 20:',
		...top(bySelf, 20),
		'',
		`Time with the function on the stack (synchronous parts only), functions in ${focus.join(', ')}, top 25:`,
		...top(under, 25),
	].join('\n');
}

function main(): void {
	const args = process.argv.slice(2);
	const path = args.find(
		(arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'),
	);
	const option = (name: string) =>
		args.flatMap((arg, index) => (args[index - 1] === name ? [arg] : []));
	if (!path) {
		process.stderr.write(
			'usage: summarize.ts <file.cpuprofile> [--during <regex>] [--focus <path part>]...\n',
		);
		process.exit(2);
	}
	const focus = option('--focus');
	const [during] = option('--during');
	let samples = readSamples(path);
	if (during) samples = firstStretch(samples, new RegExp(during));
	process.stdout.write(`${summarize(samples, focus.length ? focus : ['nodes/RoutedChat/'])}\n`);
}

main();
