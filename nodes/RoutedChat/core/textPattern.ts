import { attempt } from './settle';

/**
 * Rules and Checks patterns come from the workflow author but run on untrusted text (a prompt
 * built from item data, a model's answer). JavaScript's RegExp backtracks: `.*a.*b` takes
 * seconds on 100,000 characters and `(a+)+$` years on 50. So the node matches them with a
 * Thompson NFA instead: every character is read once against the set of live states, and the
 * work is at most the text's length times the pattern's size, whatever the pattern.
 *
 * It reads a JavaScript regex and matches as RegExp would with one of two flags: `i` (Rules and
 * Checks: case-insensitive, by UTF-16 code unit) or `u` (a JSON Schema's `pattern`: case-sensitive,
 * by code point, with `\u{…}` and `\p{…}`). It takes literals, `.`, classes with ranges,
 * `\d \w \s` and their negations, `\b \B`, `^ $`, groups, alternation and every quantifier.
 * What only backtracking can do (backreferences, lookahead and lookbehind) is refused with a
 * PatternError, as are escapes whose meaning is obscure (`\a`, octal, and `\p` without `u`); the
 * source is expected to be a valid RegExp with that flag already.
 */
export interface TextPattern {
	test(text: string): boolean;
	/** `/source/flag`, as RegExp writes it. */
	toString(): string;
}

/** `i`: case-insensitive, by code unit, as Rules and Checks match; `u`: case-sensitive, by code point, as JSON Schema's `pattern`. */
export type PatternFlag = 'i' | 'u';

export class PatternError extends Error {}

/** Enough for any pattern a person writes; bounds the work per character. */
const MAX_PROGRAM = 2_000;

export function compilePattern(source: string, flag: PatternFlag = 'i'): TextPattern {
	const program = compile(new Parser(source, flag === 'u').parse());
	const start = startingChars(program);
	const codeAt = flag === 'u' ? codePointAt : codeUnitAt;
	return {
		test: (text) => run(program, start, text, codeAt),
		toString: () => `/${source}/${flag}`,
	};
}

// ---- syntax ----

type CodeTest = (code: number) => boolean;
type Assertion = 'start' | 'end' | 'word' | 'notWord';

type PatternNode =
	| { kind: 'char'; test: CodeTest }
	| { kind: 'seq'; items: PatternNode[] }
	| { kind: 'alt'; options: PatternNode[] }
	| { kind: 'repeat'; node: PatternNode; min: number; max: number }
	| { kind: 'assert'; what: Assertion };

const LINE_TERMINATORS = [0x0a, 0x0d, 0x2028, 0x2029];
const isDigit: CodeTest = (code) => code >= 0x30 && code <= 0x39;
const isWord: CodeTest = (code) =>
	isDigit(code) ||
	(code >= 0x41 && code <= 0x5a) ||
	(code >= 0x61 && code <= 0x7a) ||
	code === 0x5f;
const SPACES = new Set([
	0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]);
const isSpace: CodeTest = (code) => SPACES.has(code) || (code >= 0x2000 && code <= 0x200a);
const not =
	(test: CodeTest): CodeTest =>
	(code) =>
		!test(code);
const CLASS_ESCAPES: Record<string, CodeTest> = {
	d: isDigit,
	D: not(isDigit),
	w: isWord,
	W: not(isWord),
	s: isSpace,
	S: not(isSpace),
};
const CONTROL_ESCAPES: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13 };

class Parser {
	private at = 0;

	/** `unicode`: the `u` flag (code points, case-sensitive); otherwise the `i` flag. */
	constructor(
		private readonly source: string,
		private readonly unicode: boolean,
	) {}

	parse(): PatternNode {
		const node = this.alternation();
		if (this.at < this.source.length) throw new PatternError(INVALID);
		return node;
	}

	private alternation(): PatternNode {
		const options = [this.sequence()];
		while (this.peek() === '|') {
			this.at++;
			options.push(this.sequence());
		}
		return options.length === 1 ? options[0] : { kind: 'alt', options };
	}

	private sequence(): PatternNode {
		const items: PatternNode[] = [];
		while (this.at < this.source.length && this.peek() !== '|' && this.peek() !== ')')
			items.push(this.quantified(this.atom()));
		return { kind: 'seq', items };
	}

	private quantified(node: PatternNode): PatternNode {
		for (;;) {
			const bounds = this.quantifier();
			if (!bounds) return node;
			if (this.peek() === '?') this.at++; // lazy or greedy: the same for whether it matches
			node = { kind: 'repeat', node, ...bounds };
		}
	}

	private quantifier(): { min: number; max: number } | undefined {
		const next = this.peek();
		if (next === '*' || next === '+' || next === '?') {
			this.at++;
			return { min: next === '+' ? 1 : 0, max: next === '?' ? 1 : Infinity };
		}
		if (next !== '{') return undefined;
		const bounds = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
		// Not a quantifier: a literal brace, as RegExp reads it.
		if (!bounds) return undefined;
		this.at += bounds[0].length;
		const min = Number(bounds[1]);
		const max = bounds[2] === undefined ? min : bounds[3] ? Number(bounds[3]) : Infinity;
		return { min, max };
	}

	private atom(): PatternNode {
		const char = this.source[this.at];
		if (char !== '\\') return this.plainAtom();
		this.at++;
		return this.atomEscape();
	}

	private plainAtom(): PatternNode {
		const code = this.nextCode();
		switch (String.fromCodePoint(code)) {
			case '(':
				return this.group();
			case '[':
				return this.characterClass();
			case '.':
				return { kind: 'char', test: (code) => !LINE_TERMINATORS.includes(code) };
			case '^':
				return { kind: 'assert', what: 'start' };
			case '$':
				return { kind: 'assert', what: 'end' };
			default:
				return this.literal(code);
		}
	}

	/** The next character of the source: a code point with `u`, else a code unit. */
	private nextCode(): number {
		const code = this.unicode
			? (this.source.codePointAt(this.at) as number)
			: this.source.charCodeAt(this.at);
		this.at += code > 0xffff ? 2 : 1;
		return code;
	}

	private literal(code: number): PatternNode {
		if (!this.unicode) {
			const folded = canonical(code);
			return { kind: 'char', test: (other) => canonical(other) === folded };
		}
		return { kind: 'char', test: (other) => other === code };
	}

	private group(): PatternNode {
		if (this.source.startsWith('?:', this.at)) this.at += 2;
		else if (/^\?<?[=!]/.test(this.source.slice(this.at, this.at + 3)))
			throw new PatternError(BACKTRACKING('Lookahead and lookbehind ((?=, (?!, (?<=, (?<!)'));
		else if (this.source.startsWith('?<', this.at)) this.at = this.source.indexOf('>', this.at) + 1;
		const inner = this.alternation();
		if (this.source[this.at++] !== ')') throw new PatternError(INVALID);
		return inner;
	}

	private atomEscape(): PatternNode {
		const char = this.source[this.at];
		if (char === 'b' || char === 'B') {
			this.at++;
			return { kind: 'assert', what: char === 'b' ? 'word' : 'notWord' };
		}
		const test = this.classEscape();
		if (test) return { kind: 'char', test };
		return this.literal(this.characterEscape());
	}

	/** `\d \w \s` and their negations, and with `u` `\p{…} \P{…}`, after the backslash. */
	private classEscape(): CodeTest | undefined {
		const char = this.source[this.at];
		if (CLASS_ESCAPES[char]) {
			this.at++;
			return CLASS_ESCAPES[char];
		}
		if (!this.unicode || (char !== 'p' && char !== 'P')) return undefined;
		const end = this.source.indexOf('}', this.at);
		if (this.source[this.at + 1] !== '{' || end === -1) throw new PatternError(INVALID);
		// One code point against a property: RegExp's own tables, in constant time.
		const property = attempt(() => new RegExp(`^${this.source.slice(this.at - 1, end + 1)}$`, 'u'));
		if (!property.ok) throw new PatternError(INVALID);
		this.at = end + 1;
		return (code) => property.value.test(String.fromCodePoint(code));
	}

	/** The code of an escaped character (after the backslash), or a refusal. */
	private characterEscape(): number {
		const char = this.source[this.at++];
		if (char === undefined) throw new PatternError(INVALID);
		if (char in CONTROL_ESCAPES) return CONTROL_ESCAPES[char];
		if (char === '0' && !isDigit(this.source.charCodeAt(this.at))) return 0;
		if (char === 'u' && this.unicode) return this.unicodeEscape();
		if (char === 'x' || char === 'u') {
			const digits = char === 'x' ? 2 : 4;
			const hex = this.source.slice(this.at, this.at + digits);
			if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) throw unsupported(`\\${char}`);
			this.at += digits;
			return parseInt(hex, 16);
		}
		if (char === 'c' && /[A-Za-z]/.test(this.source[this.at] ?? '')) {
			return this.source.charCodeAt(this.at++) % 32;
		}
		if (/[1-9]/.test(char) || char === 'k')
			throw new PatternError(BACKTRACKING('Backreferences (\\1, \\k<name>)'));
		if (/[0-9A-Za-z]/.test(char)) throw unsupported(`\\${char}`);
		return char.charCodeAt(0);
	}

	/** With `u`: `\u{1F600}`, or `\uD83D\uDE00` as the one code point the pair makes. */
	private unicodeEscape(): number {
		const braced = /^\{([0-9a-fA-F]+)\}/.exec(this.source.slice(this.at, this.at + 9));
		if (braced) {
			this.at += braced[0].length;
			return parseInt(braced[1], 16);
		}
		const unit = (from: number) => {
			const hex = this.source.slice(from, from + 4);
			return /^[0-9a-fA-F]{4}$/.test(hex) ? parseInt(hex, 16) : undefined;
		};
		const high = unit(this.at);
		if (high === undefined) throw unsupported('\\u');
		this.at += 4;
		const low = this.source.startsWith('\\u', this.at) ? unit(this.at + 2) : undefined;
		if (high < 0xd800 || high > 0xdbff || low === undefined || low < 0xdc00 || low > 0xdfff)
			return high;
		this.at += 6;
		return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
	}

	private characterClass(): PatternNode {
		const negated = this.peek() === '^';
		if (negated) this.at++;
		const members: CodeTest[] = [];
		while (this.peek() !== ']') {
			if (this.at >= this.source.length) throw new PatternError(INVALID);
			const from = this.classAtom();
			const isRange =
				typeof from === 'number' && this.peek() === '-' && this.source[this.at + 1] !== ']';
			if (!isRange) {
				members.push(typeof from === 'number' ? (code) => code === from : from);
				continue;
			}
			this.at++;
			const to = this.classAtom();
			if (typeof to !== 'number') {
				// `[a-\d]` is a, "-" and digits, as RegExp reads it.
				members.push((code) => code === from || code === 0x2d, to);
				continue;
			}
			members.push((code) => code >= from && code <= to);
		}
		this.at++;
		const member: CodeTest = (code) => members.some((test) => test(code));
		const matches: CodeTest = this.unicode ? member : (code) => foldedVariants(code).some(member);
		return { kind: 'char', test: negated ? not(matches) : matches };
	}

	/** One character of a class as its code, or a class escape such as `\d` as its test. */
	private classAtom(): number | CodeTest {
		if (this.source[this.at] !== '\\') return this.nextCode();
		this.at++;
		const test = this.classEscape();
		if (test) return test;
		const next = this.source[this.at];
		if (next === 'b') {
			this.at++;
			return 8; // backspace, inside a class
		}
		if (next === '-') {
			this.at++;
			return 0x2d;
		}
		return this.characterEscape();
	}

	private peek(): string | undefined {
		return this.source[this.at];
	}
}

const INVALID = 'The pattern is not a valid regex';
const BACKTRACKING = (what: string) =>
	`${what} need backtracking, which could hang on a long text: write the pattern without them`;
const unsupported = (escape: string) =>
	new PatternError(
		`The escape "${escape}" is not supported: write the character itself, or a class such as [0-9]`,
	);

// ---- case folding, as RegExp's `i` flag without `u` does it (Canonicalize in ECMA-262) ----

let canon: Uint16Array | undefined;
let sameCanon: Map<number, number[]> | undefined;

function canonical(code: number): number {
	return canonTable()[code];
}

function canonTable(): Uint16Array {
	if (canon) return canon;
	canon = new Uint16Array(0x10000);
	for (let code = 0; code < 0x10000; code++) {
		const upper = String.fromCharCode(code).toUpperCase();
		const keep = upper.length !== 1 || (code >= 128 && upper.charCodeAt(0) < 128);
		canon[code] = keep ? code : upper.charCodeAt(0);
	}
	return canon;
}

/** Every code unit a class member may be that matches `code` case-insensitively, itself first. */
function foldedVariants(code: number): number[] {
	if (!sameCanon) {
		sameCanon = new Map();
		const table = canonTable();
		for (let other = 0; other < 0x10000; other++) {
			if (table[other] === other) continue;
			const group = sameCanon.get(table[other]) ?? [table[other]];
			group.push(other);
			sameCanon.set(table[other], group);
		}
	}
	return sameCanon.get(canonical(code)) ?? [code];
}

// ---- the program and its run ----

type Instruction =
	| { op: 'char'; test: CodeTest }
	| { op: 'split'; to: number; or: number }
	| { op: 'jump'; to: number }
	| { op: 'assert'; what: Assertion }
	| { op: 'match' };

function compile(node: PatternNode): Instruction[] {
	const program: Instruction[] = [];
	const emit = (instruction: Instruction) => {
		if (program.length >= MAX_PROGRAM)
			throw new PatternError('the pattern is too large to match in bounded time');
		program.push(instruction);
		return program.length - 1;
	};
	const visit = (current: PatternNode): void => {
		switch (current.kind) {
			case 'char':
				emit({ op: 'char', test: current.test });
				return;
			case 'assert':
				emit({ op: 'assert', what: current.what });
				return;
			case 'seq':
				current.items.forEach(visit);
				return;
			case 'alt': {
				// split → first | split → second | … last; every option but the last jumps past the rest.
				const jumps: number[] = [];
				current.options.forEach((option, index) => {
					if (index === current.options.length - 1) return visit(option);
					const split = emit({ op: 'split', to: program.length + 1, or: 0 });
					visit(option);
					jumps.push(emit({ op: 'jump', to: 0 }));
					(program[split] as { or: number }).or = program.length;
				});
				for (const jump of jumps) (program[jump] as { to: number }).to = program.length;
				return;
			}
			case 'repeat': {
				for (let i = 0; i < current.min; i++) visit(current.node);
				if (current.max === Infinity) {
					const loop = emit({ op: 'split', to: program.length + 1, or: 0 });
					visit(current.node);
					emit({ op: 'jump', to: loop });
					(program[loop] as { or: number }).or = program.length;
					return;
				}
				const exits: number[] = [];
				for (let i = current.min; i < current.max; i++) {
					exits.push(emit({ op: 'split', to: program.length + 1, or: 0 }));
					visit(current.node);
				}
				for (const exit of exits) (program[exit] as { or: number }).or = program.length;
				return;
			}
		}
	};
	visit(node);
	emit({ op: 'match' });
	return program;
}

/**
 * What a match can begin with: the tests of the characters it may read first, assertions taken
 * as passed (so a superset), and whether it must begin at the start of the text. No tests when
 * it may match without reading a character.
 */
interface Start {
	anchored: boolean;
	firstChars?: CodeTest[];
}

function startingChars(program: Instruction[]): Start {
	const anchored = program[0].op === 'assert' && program[0].what === 'start';
	const firstChars: CodeTest[] = [];
	const seen = new Set<number>();
	const pending = [0];
	while (pending.length) {
		const state = pending.pop() as number;
		if (seen.has(state)) continue;
		seen.add(state);
		const instruction = program[state];
		if (instruction.op === 'match') return { anchored };
		if (instruction.op === 'char') firstChars.push(instruction.test);
		else if (instruction.op === 'jump') pending.push(instruction.to);
		else if (instruction.op === 'split') pending.push(instruction.to, instruction.or);
		else pending.push(state + 1);
	}
	return { anchored, firstChars };
}

/** The character at a position of the text, as the flag reads it, and how many code units it takes. */
type CodeAt = (text: string, at: number) => number;
const codeUnitAt: CodeAt = (text, at) => text.charCodeAt(at);
const codePointAt: CodeAt = (text, at) => text.codePointAt(at) as number;

/** Whether the program matches anywhere in `text`: each position read once against all live states. */
function run(program: Instruction[], start: Start, text: string, codeAt: CodeAt): boolean {
	const size = program.length;
	let current = new Int32Array(size);
	let next = new Int32Array(size);
	const seen = new Uint32Array(size);
	let generation = 0;
	let currentCount = 0;
	const stack = new Int32Array(size);

	const holds = (what: Assertion, at: number): boolean => {
		if (what === 'start') return at === 0;
		if (what === 'end') return at === text.length;
		const before = at > 0 && isWord(text.charCodeAt(at - 1));
		const after = at < text.length && isWord(text.charCodeAt(at));
		return (before !== after) === (what === 'word');
	};
	/** Adds `pc` and every state it reaches without reading a character; true on a match. */
	const add = (list: Int32Array, count: number, pc: number, at: number): number => {
		let depth = 0;
		stack[depth++] = pc;
		while (depth > 0) {
			const state = stack[--depth];
			if (seen[state] === generation) continue;
			seen[state] = generation;
			const instruction = program[state];
			if (instruction.op === 'jump') stack[depth++] = instruction.to;
			else if (instruction.op === 'split') {
				stack[depth++] = instruction.or;
				stack[depth++] = instruction.to;
			} else if (instruction.op === 'assert') {
				if (holds(instruction.what, at)) stack[depth++] = state + 1;
			} else list[count++] = state;
		}
		return count;
	};

	generation++;
	for (let at = 0, width = 1; at <= text.length; at += width) {
		const code = at < text.length ? codeAt(text, at) : -1;
		width = code > 0xffff ? 2 : 1;
		if (currentCount === 0) {
			if (start.anchored && at > 0) return false;
			// No live state, and no match can begin here: on to the next character.
			if (start.firstChars && !start.firstChars.some((test) => code >= 0 && test(code))) continue;
		}
		currentCount = add(current, currentCount, 0, at);
		generation++;
		let nextCount = 0;
		for (let i = 0; i < currentCount; i++) {
			const instruction = program[current[i]];
			if (instruction.op === 'match') return true;
			if (code >= 0 && instruction.op === 'char' && instruction.test(code))
				nextCount = add(next, nextCount, current[i] + 1, at + width);
		}
		[current, next] = [next, current];
		currentCount = nextCount;
	}
	return false;
}
