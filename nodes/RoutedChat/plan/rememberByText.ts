/**
 * `read`, remembered for the last few texts it was given, so the items of an execution share one
 * parse; safe to lose. A throw is not remembered: each item reports it.
 */
export function rememberByText<T>(read: (text: string) => T, size = 16): (text: string) => T {
	const byText = new Map<string, T>();
	return (text) => {
		const known = byText.get(text);
		if (known !== undefined) return known;
		const value = read(text);
		if (byText.size >= size) byText.delete(byText.keys().next().value as string);
		byText.set(text, value);
		return value;
	};
}
