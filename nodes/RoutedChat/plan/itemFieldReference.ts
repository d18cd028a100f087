import type { IDataObject } from 'n8n-workflow';

/** Keys n8n's expression sandbox guards: a path through one is left to n8n, which refuses it. */
const GUARDED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * An expression that is nothing but a reference to the input item's own JSON,
 * `={{ $json.prompt }}` or `={{ $json.a.b }}`, as the keys of the path.
 * n8n resolves `$json` to the JSON of the node's input item at the same index,
 * so the node can read such a field itself instead of paying n8n's expression
 * runtime (about 1 ms per item in 2.41, an isolate crossing each time).
 * Anything else, even the same reference written another way, is not one.
 * The parameter comes from the workflow, not from item data; the pattern is
 * linear anyway (no quantified part can match what the next one can).
 */
export function itemFieldReference(raw: unknown): string[] | undefined {
	if (typeof raw !== 'string') return undefined;
	const match = /^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*)+)\s*\}\}$/.exec(raw);
	const path = match?.[1].slice(1).split('.');
	return path?.some((key) => GUARDED_KEYS.has(key)) ? undefined : path;
}

/**
 * The referenced field when it is a string held by the item itself (own
 * properties of plain JSON all the way down): what n8n's evaluation returns
 * for it, unchanged. Undefined otherwise, so that n8n evaluates the
 * expression and gives its own value or error for numbers, objects, missing
 * fields and the like.
 */
export function readItemField(json: IDataObject, path: string[]): string | undefined {
	let value: unknown = json;
	for (const key of path) {
		if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
		if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return typeof value === 'string' ? value : undefined;
}
