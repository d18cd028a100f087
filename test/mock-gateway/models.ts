import type { GatewayState } from './gatewayState';
import { bearerKeyProblem } from './auth';
import { sendError, sendJson, type Exchange } from './http';
import type { MockModel } from './types';

/** One entry of OpenRouter's model list, with every field the SDK's Model type requires. */
export interface ModelWire {
	id: string;
	canonical_slug: string;
	name: string;
	created: number;
	description: string;
	context_length: number;
	architecture: {
		modality: string;
		input_modalities: string[];
		output_modalities: string[];
		tokenizer: string;
		instruct_type: null;
	};
	pricing: {
		prompt: string;
		completion: string;
		request: string;
		image: string;
		input_cache_write?: string;
	};
	top_provider: {
		context_length: number;
		max_completion_tokens: number | null;
		is_moderated: boolean;
	};
	per_request_limits: null;
	supported_parameters: string[];
	default_parameters: null;
	supported_voices: null;
	links: { details: string };
}

export interface ModelsListWire {
	data: ModelWire[];
	/** Not sent by OpenRouter today, but required by the SDK's ModelsListResponse. */
	links: { next: null };
	total_count: number;
}

const DEFAULT_CONTEXT_LENGTH = 128_000;
// 2025-01-01T00:00:00Z: a fixed date keeps the list deterministic.
const CREATED = 1_735_689_600;
const SUPPORTED_PARAMETERS = [
	'max_tokens',
	'temperature',
	'top_p',
	'stop',
	'seed',
	'response_format',
	'structured_outputs',
	'reasoning',
	'include_reasoning',
	'tools',
	'tool_choice',
];

/** GET /models: public, like OpenRouter's; a strict server wants the key. */
export function handleModels(state: GatewayState, { req, res }: Exchange): void {
	const keyProblem = state.strict ? bearerKeyProblem(req, state.apiKey) : undefined;
	if (keyProblem) return sendError(res, 401, keyProblem);
	const data = state.scripts.all().map(({ model }) => modelEntry(model));
	sendJson(res, 200, {
		data,
		links: { next: null },
		total_count: data.length,
	} satisfies ModelsListWire);
}

function modelEntry(model: MockModel): ModelWire {
	const contextLength = model.contextLength ?? DEFAULT_CONTEXT_LENGTH;
	const inputs = model.inputModalities ?? ['text'];
	return {
		id: model.id,
		canonical_slug: model.id,
		name: model.name ?? model.id,
		created: CREATED,
		description: `Scripted mock of ${model.id}.`,
		context_length: contextLength,
		architecture: {
			modality: `${inputs.join('+')}->text`,
			input_modalities: inputs,
			output_modalities: ['text'],
			tokenizer: 'Other',
			instruct_type: null,
		},
		pricing: {
			prompt: model.pricing.prompt,
			completion: model.pricing.completion,
			request: model.pricing.request ?? '0',
			image: '0',
			...(model.pricing.inputCacheWrite && { input_cache_write: model.pricing.inputCacheWrite }),
		},
		top_provider: {
			context_length: contextLength,
			max_completion_tokens: null,
			is_moderated: false,
		},
		per_request_limits: null,
		supported_parameters: SUPPORTED_PARAMETERS,
		default_parameters: null,
		supported_voices: null,
		links: { details: `/api/v1/models/${model.id}/endpoints` },
	};
}
