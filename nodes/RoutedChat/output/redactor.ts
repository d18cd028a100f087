import { attempt } from '../core';

const REDACTED = '[redacted]';

/** A secret shorter than this is not scrubbed: it would match ordinary text. */
const MIN_SECRET = 4;
/** Where to look for a run of a secret; shorter windows would hit ordinary text more often. */
const ANCHOR_LENGTH = 16;

export type Redactor = <T>(value: T) => T;

/**
 * A secret as it can show in text: whole, a run of at least half of it (a gateway that cuts it
 * short), and escaped as JSON or URL-encoded as gateways write it into bodies and URLs.
 */
interface Secret {
	text: string;
	/** The shortest run of `text` that is scrubbed. */
	minRun: number;
	/** Windows of `text` and their offsets, such that every run of `minRun` characters holds one. */
	anchors: ReadonlyArray<{ text: string; at: number }>;
	/** Its other spellings, scrubbed whole. */
	forms: readonly string[];
}

function readSecret(text: string): Secret {
	const minRun = Math.max(Math.ceil(text.length / 2), Math.min(text.length, ANCHOR_LENGTH));
	const width = Math.min(ANCHOR_LENGTH, minRun);
	// A run of minRun characters holds minRun - width + 1 window starts, so one of them is an anchor.
	const anchors = [];
	for (let at = 0; at + width <= text.length; at += minRun - width + 1)
		anchors.push({ text: text.slice(at, at + width), at });
	const json = JSON.stringify(text).slice(1, -1);
	const encoded = encodeURIComponent(text);
	const forms = [
		json,
		json.split('/').join('\\/'),
		encoded,
		encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
	];
	return { text, minRun, anchors, forms: [...new Set(forms)].filter((form) => form !== text) };
}

/** Where the secret shows in `text`: each run of it long enough, and each whole other form. */
function secretSpans(text: string, secret: Secret): Array<[number, number]> {
	const spans: Array<[number, number]> = [];
	for (const anchor of secret.anchors) {
		for (
			let hit = text.indexOf(anchor.text);
			hit !== -1;
			hit = text.indexOf(anchor.text, hit + 1)
		) {
			let [start, end] = [hit, hit + anchor.text.length];
			let [left, right] = [anchor.at, anchor.at + anchor.text.length];
			while (start > 0 && left > 0 && text[start - 1] === secret.text[left - 1])
				[start, left] = [start - 1, left - 1];
			while (end < text.length && text[end] === secret.text[right])
				[end, right] = [end + 1, right + 1];
			if (end - start >= secret.minRun) spans.push([start, end]);
		}
	}
	for (const form of secret.forms) {
		for (let hit = text.indexOf(form); hit !== -1; hit = text.indexOf(form, hit + 1))
			spans.push([hit, hit + form.length]);
	}
	return spans;
}

/** Every span of `text` to scrub, by where it starts. */
function spansIn(text: string, secrets: readonly Secret[]): Array<[number, number]> {
	return secrets.flatMap((secret) => secretSpans(text, secret)).sort((a, b) => a[0] - b[0]);
}

function scrubText(text: string, secrets: readonly Secret[]): string {
	const spans = spansIn(text, secrets);
	if (!spans.length) return text;
	let scrubbed = '';
	let done = 0;
	for (const [start, end] of spans) {
		// A span that overlaps the last one extends its redaction.
		if (start >= done) scrubbed += `${text.slice(done, start)}${REDACTED}`;
		done = Math.max(done, end);
	}
	return scrubbed + text.slice(done);
}

function readSecrets(secrets: readonly string[]): Secret[] {
	return secrets.filter((secret) => secret.length >= MIN_SECRET).map(readSecret);
}

/**
 * Scrubs secrets from anything that leaves the node. Gateways and HTTP
 * libraries can echo a key in an error; nothing of ours ever puts it there.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
	const live = readSecrets(secrets);
	// A secret in any string of a value shows, escaped as JSON escapes it, in the value's JSON; the
	// check costs a third of a rebuild of every output item, which is then needed only when it hits.
	const needles = live.flatMap((secret) =>
		[...secret.anchors.map((anchor) => anchor.text), ...secret.forms].map((needle) =>
			JSON.stringify(needle).slice(1, -1),
		),
	);
	const holdsSecret = (value: unknown): boolean => {
		const json = attempt(() => JSON.stringify(value));
		return (
			!json.ok ||
			(json.value !== undefined && needles.some((needle) => json.value.includes(needle)))
		);
	};
	const scrub = (value: unknown): unknown => {
		if (typeof value === 'string') return scrubText(value, live);
		if (Array.isArray(value)) return value.map(scrub);
		if (value && typeof value === 'object') {
			return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scrub(inner)]));
		}
		return value;
	};
	return <T>(value: T) => {
		if (!live.length) return value;
		// A string is searched as it is; a structure by its JSON first.
		if (typeof value === 'string') return scrubText(value, live) as T;
		return holdsSecret(value) ? (scrub(value) as T) : value;
	};
}

/** Scrubs text that arrives in pieces, where a secret may be split between two of them. */
export interface StreamRedactor {
	/** The text safe to pass on so far; the end that may begin a secret waits for the next piece. */
	push(text: string): string;
	/** What was held back, at the end of the text. */
	flush(): string;
}

export function createStreamRedactor(secrets: readonly string[]): StreamRedactor {
	const live = readSecrets(secrets);
	let held = '';
	/** The length of the longest end of `text` that may begin a span to scrub, once more text comes. */
	const openEnd = (text: string): number => {
		let longest = 0;
		for (const secret of live) {
			// A run long enough to scrub starts no later than here in the secret.
			const lastStart = secret.text.length - secret.minRun;
			for (let length = Math.min(text.length, secret.text.length); length > longest; length--) {
				if (!secret.text.slice(0, lastStart + length).includes(text.slice(-length))) continue;
				longest = length;
				break;
			}
			for (const form of secret.forms) {
				for (let length = Math.min(text.length, form.length - 1); length > longest; length--) {
					if (!form.startsWith(text.slice(-length))) continue;
					longest = length;
					break;
				}
			}
		}
		return longest;
	};
	return {
		push: (text) => {
			if (!live.length) return text;
			const pending = held + text;
			let cut = pending.length - openEnd(pending);
			// A span already whole (a form with a run of the secret at its end) is not cut in two.
			for (const [start, end] of spansIn(pending, live).reverse())
				if (start < cut && end > cut) cut = start;
			held = pending.slice(cut);
			return scrubText(pending.slice(0, cut), live);
		},
		flush: () => {
			const rest = scrubText(held, live);
			held = '';
			return rest;
		},
	};
}
