/**
 * Which of a request's models an answer came from. The gateway may name the model differently
 * from how it was asked for: a dated variant (`openai/gpt-4o-2024-08-06` for `openai/gpt-4o`) or
 * the model a router such as `openrouter/auto` picked. An exact name wins, then the longest
 * requested model the name is a dated or tagged variant of; a name the request does not know is
 * taken to answer for its first model, the one asked for.
 */
export function servedPosition(requested: readonly string[], reported: string): number {
	const exact = requested.indexOf(reported);
	if (exact >= 0) return exact;
	let best = 0;
	let bestLength = 0;
	requested.forEach((model, position) => {
		const next = reported[model.length];
		if (model.length > bestLength && reported.startsWith(model) && (next === '-' || next === ':')) {
			best = position;
			bestLength = model.length;
		}
	});
	return best;
}
