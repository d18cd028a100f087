/**
 * Which of a request's models an answer came from. The gateway names only the model that answered,
 * and may name it differently from how it was asked for: a dated variant (`openai/gpt-4o-2024-08-06`
 * for `openai/gpt-4o`), the base model of a variant (`vendor/model` for `vendor/model:nitro`), or
 * the model a router picked (`openai/gpt-4o-mini` for `@preset/…`, `openrouter/auto` or a `~…`
 * alias). In order: the requested model the name equals; the first whose `:variant` removed equals
 * it; the longest requested model, with or without its `:variant`, the name is a dated or tagged
 * variant of; else the first router of the request, since a model that is not a router answers
 * under its own name; else the first model.
 */
export function servedPosition(requested: readonly string[], reported: string): number {
	const exact = requested.indexOf(reported);
	if (exact >= 0) return exact;
	const bases = requested.map(withoutVariant);
	const base = bases.indexOf(reported);
	if (base >= 0) return base;
	let best = -1;
	let bestLength = 0;
	requested.forEach((model, position) => {
		for (const name of [model, bases[position]]) {
			if (name.length > bestLength && isVariantOf(reported, name)) {
				best = position;
				bestLength = name.length;
			}
		}
	});
	if (best >= 0) return best;
	return Math.max(0, requested.findIndex(isRouter));
}

function withoutVariant(model: string): string {
	const colon = model.indexOf(':');
	return colon < 0 ? model : model.slice(0, colon);
}

/** `openai/gpt-4o-2024-08-06` and `openai/gpt-4o:free` are variants of `openai/gpt-4o`. */
function isVariantOf(reported: string, model: string): boolean {
	const next = reported[model.length];
	return reported.startsWith(model) && (next === '-' || next === ':');
}

/** A model id that stands for models picked at request time: a preset, OpenRouter's routers, an alias. */
function isRouter(model: string): boolean {
	return model.startsWith('@preset/') || model.startsWith('openrouter/') || model.startsWith('~');
}
