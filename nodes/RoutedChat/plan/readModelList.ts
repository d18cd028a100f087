import { ParameterError } from './parameterError';

/** A leading `~` is OpenRouter's alias for a family's newest model (`~anthropic/claude-opus-latest`). */
const MODEL_ID = /^~?[\w.:/@+-]+$/;

/** Checks one model id as typed by a user: no blanks, no spaces. */
export function readModelId(value: unknown, parameter: string): string {
	const id = typeof value === 'string' ? value.trim() : '';
	if (!id)
		throw new ParameterError(
			parameter,
			'No model ID is set',
			'Pick a model from the list or type an ID such as openai/gpt-4o-mini',
		);
	if (!MODEL_ID.test(id)) {
		throw new ParameterError(
			parameter,
			`"${id}" is not a model ID`,
			'Model IDs have no spaces, e.g. anthropic/claude-sonnet-4.5; separate several IDs with commas or new lines',
		);
	}
	checkVariantOrPreset(id, parameter);
	return id;
}

/** OpenRouter's model variants: `vendor/model:<variant>`. */
const VARIANTS = ['nitro', 'floor', 'exacto', 'free', 'online', 'thinking', 'extended'];
const PRESET = /^@preset\/[a-z0-9][a-z0-9_-]*$/;

/** A preset is `@preset/<slug>`; a variant is one known suffix after `vendor/model`. Kept as written. */
function checkVariantOrPreset(id: string, parameter: string): void {
	if (id.startsWith('@')) {
		if (!PRESET.test(id))
			throw new ParameterError(
				parameter,
				`"${id}" is not a preset`,
				'A preset is written @preset/<slug>, the slug in lower case letters, digits, - and _ (e.g. @preset/support-triage)',
			);
		return;
	}
	const [base, variant, ...rest] = id.split(':');
	if (variant === undefined) return;
	if (rest.length > 0 || !base.includes('/') || !VARIANTS.includes(variant))
		throw new ParameterError(
			parameter,
			`"${id}" is not a model ID with a variant`,
			`A variant is one suffix after vendor/model: ${VARIANTS.map((name) => `:${name}`).join(', ')} (e.g. meta-llama/llama-3.3-70b-instruct:nitro)`,
		);
}

/** Reads a list of model ids separated by commas or new lines. */
export function readModelList(value: unknown, parameter: string): string[] {
	if (value === undefined || value === null || value === '') return [];
	if (typeof value !== 'string' && !Array.isArray(value)) {
		throw new ParameterError(parameter, 'Expected model IDs separated by commas or new lines');
	}
	const parts = Array.isArray(value) ? value.map(String) : value.split(/[,\n]/);
	return parts
		.map((part) => part.trim())
		.filter(Boolean)
		.map((part) => readModelId(part, parameter));
}

/** The primary models then the fallbacks, refusing a model listed twice. */
export function buildChain(primary: string[], fallbacks: string[]): string[] {
	const seen = new Set<string>();
	for (const model of [...primary, ...fallbacks]) {
		if (seen.has(model)) {
			throw new ParameterError(
				fallbacks.includes(model) ? 'fallbackModels' : 'models',
				`${model} is listed twice in the model chain`,
				'Remove the repeat: a fallback must be a different model from the ones before it',
			);
		}
		seen.add(model);
	}
	return [...seen];
}
