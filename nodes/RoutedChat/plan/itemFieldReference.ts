import { type IDataObject, isSafeObjectProperty } from 'n8n-workflow';

/** A key n8n's expression sandbox refuses to read; every key, on an n8n without the check. */
const guarded = (key: string) =>
	typeof isSafeObjectProperty !== 'function' || !isSafeObjectProperty(key);
/** n8n refuses a whole expression that has this anywhere, even inside a quoted key. */
const CONSTRUCTOR_CALL = /\.\s*constructor/;

/**
 * One step of the path, as n8n's editor writes it when a field is dragged in
 * (`generatePath` in its mapping): `.name` for an identifier, `['a b']` (or
 * `["a b"]`) for any other key, `[0]` for an array index. A quoted key with a
 * backslash, a line break or a brace (n8n cuts the expression at `}}` before
 * reading quotes), or a number JavaScript would read otherwise (`[01]`, ten
 * digits or more), is not one: n8n evaluates it.
 */
const STEP = String.raw`\.([A-Za-z_$][\w$]*)|\['([^'\\{}\n\r\u2028\u2029]*)'\]|\["([^"\\{}\n\r\u2028\u2029]*)"\]|\[(0|[1-9]\d{0,8})\]`;
// Each step begins with its own character ('.', "['", '["', '[' and a digit), so neither pattern backtracks.
const REFERENCE = new RegExp(String.raw`^=\{\{\s*\$json((?:${STEP})+)\s*\}\}$`);

/**
 * An expression that is nothing but a reference to the input item's own JSON,
 * `={{ $json.prompt }}`, `={{ $json.a.b }}`, `={{ $json['Customer message'] }}`
 * or `={{ $json.items[0].text }}`, as the keys of the path.
 * n8n resolves `$json` to the JSON of the node's input item at the same index,
 * so the node can read such a field itself instead of paying n8n's expression
 * runtime (about 1 ms per item in 2.41, an isolate crossing each time).
 * Anything else, even the same reference written another way, is not one.
 */
export function itemFieldReference(raw: unknown): string[] | undefined {
	if (typeof raw !== 'string' || CONSTRUCTOR_CALL.test(raw)) return undefined;
	const steps = REFERENCE.exec(raw)?.[1];
	if (steps === undefined) return undefined;
	const path = Array.from(
		steps.matchAll(new RegExp(STEP, 'g')),
		([, name, single, double, index]) => name ?? single ?? double ?? index,
	);
	return path.some(guarded) ? undefined : path;
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
		if (value === null || typeof value !== 'object') return undefined;
		if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return typeof value === 'string' ? value : undefined;
}
