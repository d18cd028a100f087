import type { Gateway } from '../../scripts/n8n/gateway';
import type { MockModel, RecordedChatRequest } from '../mock-gateway/types';
import { startInProcessGateway } from './inProcessGateway';

/** The credential test/e2e/routing-surface.json uses: the in-process gateway below. */
const SURFACE_CREDENTIAL = {
	id: 'routedChatSurface01',
	name: 'OpenRouter (routing surface e2e mock)',
};

export const THINKER = 'deepseek/deepseek-r1';
/** Exactly 100 characters: 25 reasoning tokens at the mock's 4 characters a token. */
export const THOUGHTS =
	'First, the physics of scattering, then the colours of the spectrum, and last what the eye sees best.';
export const THOUGHT_TOKENS = 25;
export const CACHER = 'anthropic/claude-3.5-haiku';
export const PLAIN = 'meta-llama/llama-3.3-70b-instruct';
export const PLAIN_PROVIDER = 'DeepInfra';
export const NITRO = `${PLAIN}:nitro`;
export const PRESET = '@preset/support-triage';
export const PRESET_SERVES = 'openai/gpt-4o-mini';
export const AUTO = 'openrouter/auto';
/** The model the mock's `openrouter/auto` picks. */
export const AUTO_PICKS = 'google/gemini-2.5-flash';

const GEMINI_FLASH_PRICE = { prompt: '0.0000003', completion: '0.0000025' };

export const HOSTILE_JSON = 'acme/hostile-json';
/** A string that RegExp's backtracking would take longer than anyone waits to refuse for `^(a+)+$`. */
export const HOSTILE_CODE = `${'a'.repeat(50_000)}!`;

const models: MockModel[] = [
	{
		id: THINKER,
		pricing: { prompt: '0.00000055', completion: '0.00000219' },
		provider: 'DeepSeek',
		reasoning: THOUGHTS,
	},
	{ id: CACHER, pricing: { prompt: '0.0000008', completion: '0.000004' }, provider: 'Anthropic' },
	{
		id: PLAIN,
		pricing: { prompt: '0.00000013', completion: '0.0000004' },
		provider: PLAIN_PROVIDER,
	},
	{
		id: NITRO,
		pricing: { prompt: '0.0000006', completion: '0.0000006' },
		provider: 'Groq',
		answerAs: PLAIN,
	},
	{
		id: PRESET,
		pricing: { prompt: '0.00000015', completion: '0.0000006' },
		provider: 'OpenAI',
		answerAs: PRESET_SERVES,
	},
	{ id: AUTO_PICKS, pricing: GEMINI_FLASH_PRICE, provider: 'Google AI Studio' },
	{
		id: HOSTILE_JSON,
		pricing: { prompt: '0.0000001', completion: '0.0000001' },
		provider: 'Acme',
		reply: JSON.stringify({ code: HOSTILE_CODE }),
	},
	// OpenRouter bills `openrouter/auto` at the price of the model it picked.
	{ id: AUTO, pricing: GEMINI_FLASH_PRICE, provider: 'Google AI Studio', answerAs: AUTO_PICKS },
];

/**
 * A gateway in this process, so that the checks can read what it received (the `provider`
 * object, the model ids as sent, the cache marks), scripted with a reasoning model, a caching
 * model, a variant, a preset, `openrouter/auto` and a model whose JSON would make a backtracking
 * pattern hang.
 */
export interface RoutingSurfaceGateway {
	gateway: Gateway;
	credentials: unknown[];
	/** The chat completion requests received so far, in order. */
	chatRequests(): RecordedChatRequest[];
}

export async function startRoutingSurfaceGateway(): Promise<RoutingSurfaceGateway> {
	const { mock, gateway, credentials } = await startInProcessGateway(models, SURFACE_CREDENTIAL);
	return {
		gateway,
		credentials,
		chatRequests: () =>
			mock.requests.filter(
				(request): request is RecordedChatRequest =>
					request.path === '/chat/completions' && request.chat !== undefined,
			),
	};
}
