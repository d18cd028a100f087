import type { IExecuteFunctions, IGetNodeParameterOptions, INodeExecutionData } from 'n8n-workflow';

import { itemFieldReference, readItemField } from './itemFieldReference';

/**
 * The node's parameters for every item of one execution. A parameter the
 * workflow sets without an expression has the same value for every item, so it
 * is read (and whatever is derived from it, computed) once per execution; only
 * expressions are evaluated per item. n8n's getNodeParameter costs tens of
 * microseconds even for a constant, and an expression far more. An expression
 * that only names a string field of the item (`{{ $json.prompt }}`) is read
 * from the item (itemFieldReference.ts).
 */
export interface NodeParameters {
	value(
		name: string,
		itemIndex: number,
		fallback?: unknown,
		options?: IGetNodeParameterOptions,
	): unknown;
	/** `read(value)`, once per execution for a constant parameter; a throw is not kept, so each item reports it. */
	derived<T>(name: string, itemIndex: number, fallback: unknown, read: (value: unknown) => T): T;
}

/** An expression anywhere inside a parameter's raw value (a string starting with '='). */
function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

export function nodeParameters(context: IExecuteFunctions): NodeParameters {
	const raw = context.getNode().parameters;
	const constant = new Map<string, boolean>();
	const isConstant = (name: string) => {
		let known = constant.get(name);
		if (known === undefined) {
			known = !hasExpression(raw[name]);
			constant.set(name, known);
		}
		return known;
	};
	const references = new Map<string, string[] | undefined>();
	let items: INodeExecutionData[] | undefined;
	const fromItem = (name: string, itemIndex: number): string | undefined => {
		if (!references.has(name)) references.set(name, itemFieldReference(raw[name]));
		const path = references.get(name);
		if (!path) return undefined;
		items ??= context.getInputData();
		const item = items[itemIndex];
		return item ? readItemField(item.json, path) : undefined;
	};
	const values = new Map<string, unknown>();
	const derivedValues = new Map<string, unknown>();
	const value: NodeParameters['value'] = (name, itemIndex, fallback, options) => {
		if (!isConstant(name)) {
			return (
				(options === undefined ? fromItem(name, itemIndex) : undefined) ??
				context.getNodeParameter(name, itemIndex, fallback, options)
			);
		}
		const key = options?.extractValue ? `${name}\0extractValue` : name;
		if (!values.has(key))
			values.set(key, context.getNodeParameter(name, itemIndex, fallback, options));
		return values.get(key);
	};
	return {
		value,
		derived<T>(name: string, itemIndex: number, fallback: unknown, read: (value: unknown) => T) {
			if (!isConstant(name)) return read(value(name, itemIndex, fallback));
			if (!derivedValues.has(name)) derivedValues.set(name, read(value(name, itemIndex, fallback)));
			return derivedValues.get(name) as T;
		},
	};
}
