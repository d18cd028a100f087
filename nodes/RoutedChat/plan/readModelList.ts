import { ParameterError } from './parameterError';

const MODEL_ID = /^[\w.:/@+-]+$/;

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
	return id;
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
