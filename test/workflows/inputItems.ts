/** One input item `{ text }` per text: the field `pinned()`'s prompt (`{{ $json.text }}`) reads. */
export function textItems(...texts: string[]): Array<{ text: string }> {
	return texts.map((text) => ({ text }));
}
