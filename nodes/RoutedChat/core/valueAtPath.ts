/**
 * The value at a dot path (`customer.plan`, `items.0.name`), or undefined when any step is missing.
 * Only a value's own fields count: `constructor` or `toString` on an item that lacks them is missing.
 */
export function valueAtPath(root: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(node, key) =>
				node !== null && typeof node === 'object' && Object.hasOwn(node, key)
					? (node as Record<string, unknown>)[key]
					: undefined,
			root,
		);
}
