import { compilePattern, PatternError } from '../../nodes/RoutedChat/core/textPattern';
import { seededRandom } from '../seededRandom';

const ATOMS = [
	'a',
	'b',
	'A',
	' ',
	'1',
	'_',
	'.',
	'[ab]',
	'[^a]',
	'[a-c]',
	'[A-Z]',
	'\\d',
	'\\w',
	'\\s',
	'\\W',
	'\\b',
	'\\B',
	'^',
	'$',
	'ſ',
	'k',
];
const QUANTIFIERS = ['', '', '', '*', '+', '?', '{1,2}', '{2}', '{0,}', '*?'];
const TEXT_CHARS = ['a', 'b', 'A', 'B', ' ', '1', '_', '\n', 'ſ', 'K', '\u212a', 'S', 'ß', 'ẞ'];

/** With the u flag: case-sensitive, astral code points, property escapes. */
const UNICODE_ATOMS = [
	'a',
	'A',
	'.',
	'\\w',
	'\\s',
	'\\b',
	'^',
	'$',
	'😀',
	'\\u{1F601}',
	'\\uD83D\\uDE00',
	'\\p{L}',
	'\\P{L}',
	'[😀-😂]',
	'[^a😀]',
	'[\\p{Lu}\\d]',
];
const UNICODE_TEXT_CHARS = ['a', 'A', 'é', ' ', '1', '\n', '😀', '😁', '😃', '\uD83D', '\uDE00'];

function generatePattern(next: () => number, depth = 0, atoms = ATOMS): string {
	const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
	const length = 1 + Math.floor(next() * 3);
	let pattern = '';
	for (let i = 0; i < length; i++) {
		const atom =
			depth < 2 && next() < 0.25
				? `(${generatePattern(next, depth + 1, atoms)}${next() < 0.5 ? `|${generatePattern(next, depth + 1, atoms)}` : ''})`
				: pick(atoms);
		// A quantifier after an anchor or a boundary is a syntax error in RegExp.
		pattern += /^(\^|\$|\\b|\\B)$/.test(atom) ? atom : atom + pick(QUANTIFIERS);
	}
	return pattern;
}

/** Where compilePattern and RegExp disagree, on 400 generated patterns and 25 texts each. */
function disagreements(flag: 'i' | 'u', atoms: string[], textChars: string[]): string[] {
	const next = seededRandom(7);
	const found: string[] = [];
	for (let p = 0; p < 400; p++) {
		const source = generatePattern(next, 0, atoms);
		const native = new RegExp(source, flag);
		const linear = compilePattern(source, flag);
		for (let t = 0; t < 25; t++) {
			const text = Array.from(
				{ length: Math.floor(next() * 7) },
				() => textChars[Math.floor(next() * textChars.length)],
			).join('');
			if (native.test(text) !== linear.test(text))
				found.push(`${native} on ${JSON.stringify(text)}: RegExp ${native.test(text)}`);
		}
	}
	return found;
}

describe('compilePattern', () => {
	it('matches as RegExp with the i flag does, on generated patterns and texts', () => {
		expect(disagreements('i', ATOMS, TEXT_CHARS)).toEqual([]);
	});

	it('matches as RegExp with the u flag does, on generated patterns and texts', () => {
		expect(disagreements('u', UNICODE_ATOMS, UNICODE_TEXT_CHARS)).toEqual([]);
	});

	it.each<[string, string[]]>([
		['^.$', ['😀', 'a', '\uD83D', '😀😀', '']],
		['^[a-z]+$', ['hello', 'Hello', 'ſ']],
		['^\\p{Lu}\\p{Ll}+$', ['Émile', 'émile', 'E']],
		['^\\u{1F600}{2}$', ['😀😀', '😀']],
		['^[\\u{1F600}-\\u{1F64F}]$', ['😃', '😀', 'a', '\uDE00']],
		['^\\d{4}-\\d{2}-\\d{2}$', ['2026-11-26', '2026-1-26']],
	])('matches %s as RegExp with the u flag does', (source, texts) => {
		const native = new RegExp(source, 'u');
		const linear = compilePattern(source, 'u');
		expect(texts.map((text) => linear.test(text))).toEqual(texts.map((text) => native.test(text)));
	});

	it.each<[string, string[]]>([
		['^[a-z]+$', ['Hello', 'hello world', '', 'ſ', '\u212a', 'ẞ', 'ß']],
		['straße', ['STRASSE', 'Straße', 'STRAẞE']],
		['\\bcat\\b', ['cat', 'a cat.', 'concat', 'cats', 'CAT!']],
		['a|', ['', 'b']],
		['(|a)b{0}$', ['', 'a', 'ab']],
		['(a*)*b', ['aaaa', 'aaab']],
		['a{2,}', ['a', 'aa', 'AAA']],
		['a{,2}', ['a{,2}', 'aa']],
		['[^]', ['', 'x', '\n']],
		['[]', ['', 'x']],
		['x]y}', ['x]y}', 'xy']],
		['\\x41\\u0042\\cI\\0', ['ab\t\0', 'AB\t\0', 'ab']],
		['[\\b\\d-]', ['\b', '-', '5', 'x']],
		['[a-\\d]', ['a', '-', '7', 'b']],
		['(?:ab)+(?<name>c)', ['ababc', 'abd']],
		['.', ['\n', '\r', '\u2028', 'x']],
		['\\s\\S', [' x', '\u00a0y', '\ufeffz', 'xy']],
		['$^', ['', 'x']],
	])('matches %s as RegExp does', (source, texts) => {
		const native = new RegExp(source, 'i');
		const linear = compilePattern(source);
		expect(texts.map((text) => linear.test(text))).toEqual(texts.map((text) => native.test(text)));
	});

	it.each([
		['(a)\\1', /Backreferences/],
		['(?<x>a)\\k<x>', /Backreferences/],
		['a(?=b)', /Lookahead and lookbehind/],
		['(?<!a)b', /Lookahead and lookbehind/],
		['\\p{L}', /The escape "\\p" is not supported/],
		['\\a', /The escape "\\a" is not supported/],
		['a{3000}', /too large/],
	])('refuses %s, saying why', (source, message) => {
		expect(() => compilePattern(source)).toThrow(PatternError);
		expect(() => compilePattern(source)).toThrow(message);
	});

	it('reads every character once: patterns that make RegExp backtrack end on long texts', () => {
		// RegExp takes seconds on the first and longer than anyone waits on the others.
		expect(compilePattern('.*foo.*bar').test('x'.repeat(100_000))).toBe(false);
		// Empty at the very end: true, which RegExp finds only after trying every start position.
		expect(compilePattern('\\s*\\s*$').test(`${' '.repeat(100_000)}x`)).toBe(true);
		expect(compilePattern('^(a+)+$').test(`${'a'.repeat(100_000)}!`)).toBe(false);
		expect(compilePattern('^(\\w+\\s?)+$').test(`${'word '.repeat(20_000)}!`)).toBe(false);
		expect(compilePattern('(a|aa)+b').test(`${'a'.repeat(99_999)}b`)).toBe(true);
	});

	it('writes itself as RegExp does, for the checks that name it', () => {
		expect(String(compilePattern('^\\{'))).toBe(String(new RegExp('^\\{', 'i')));
		expect(String(compilePattern('^\\{', 'u'))).toBe(String(new RegExp('^\\{', 'u')));
	});
});
