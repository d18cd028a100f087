import { runWorkflow } from './harness';
import { chatWorkflow, credentialsFor, outputJson, pinned, ROUTED_CHAT } from './support';
import { chatRequests, mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';

const NITRO = 'meta-llama/llama-3.3-70b-instruct:nitro';
const PRESET = '@preset/support-triage';
const AUTO = 'openrouter/auto';
// OpenRouter's alias that always goes to the family's newest model.
const LATEST = '~anthropic/claude-opus-latest';
const DOWN = 'down/model';

describe('model variants, presets and openrouter/auto', () => {
	const fixture = mockGatewayFixture([
		pricedModel(NITRO, { answerAs: 'meta-llama/llama-3.3-70b-instruct' }),
		pricedModel(PRESET, { answerAs: 'openai/gpt-4o-mini' }),
		pricedModel(AUTO, { answerAs: 'anthropic/claude-sonnet-4.5' }),
		pricedModel(LATEST, { answerAs: 'anthropic/claude-opus-4.5' }),
		pricedModel(DOWN, { down: { status: 503 } }),
	]);
	const run = (model: string, extra: Record<string, string> = {}) =>
		runWorkflow(
			chatWorkflow(pinned(model, { ...extra, options: { retries: 0 } }), {
				onError: 'continueErrorOutput',
			}),
			{ credentials: credentialsFor(fixture.gateway), inputItems: [{ text: 'hello' }] },
		);

	it.each([
		[NITRO, 'meta-llama/llama-3.3-70b-instruct'],
		[PRESET, 'openai/gpt-4o-mini'],
		[AUTO, 'anthropic/claude-sonnet-4.5'],
		[LATEST, 'anthropic/claude-opus-4.5'],
	])(
		'sends %s as written, keeps it as requestedModel and says which model served',
		async (id, served) => {
			const [item] = outputJson(await run(id), ROUTED_CHAT);

			expect(chatRequests(fixture.gateway)[0].body).toMatchObject({ model: id });
			expect(item).toMatchObject({ requestedModel: id, model: served, fallbackUsed: false });
			expect(item.cost).toMatchObject({ source: 'gateway' });
		},
	);

	it('accepts a preset, a variant and an alias in Fallback Models, in a spaced list', async () => {
		const [item] = outputJson(
			await run(DOWN, {
				fallbackModels: ` ${PRESET} ,\n ${NITRO}\n${LATEST} `,
				fallbackMode: 'client',
			}),
			ROUTED_CHAT,
		);

		expect(item).toMatchObject({
			requestedModel: DOWN,
			model: 'openai/gpt-4o-mini',
			fallbackUsed: true,
		});
	});

	// Gateway and Gateway and Client (the default) send DOWN and its fallback in one request: the
	// gateway names only the model that answered, never the preset, variant or alias asked for.
	it.each(
		['gateway', 'both'].flatMap((mode) => [
			[PRESET, mode, 'openai/gpt-4o-mini'],
			[NITRO, mode, 'meta-llama/llama-3.3-70b-instruct'],
			[AUTO, mode, 'anthropic/claude-sonnet-4.5'],
			[LATEST, mode, 'anthropic/claude-opus-4.5'],
		]),
	)(
		'says a %s fallback served when the gateway fell back to it (%s)',
		async (id, fallbackMode, served) => {
			const [item] = outputJson(await run(DOWN, { fallbackModels: id, fallbackMode }), ROUTED_CHAT);

			expect(chatRequests(fixture.gateway)).toHaveLength(1);
			expect(item).toMatchObject({ requestedModel: DOWN, model: served, fallbackUsed: true });
		},
	);

	it('sends them as written in the gateway request models', async () => {
		await run(DOWN, { fallbackModels: `${NITRO}, ${LATEST}`, fallbackMode: 'gateway' });

		expect(chatRequests(fixture.gateway)[0].body).toMatchObject({
			model: DOWN,
			models: [DOWN, NITRO, LATEST],
		});
	});

	it.each([
		['model', 'openai/gpt-4o:turbo', 'is not a model ID with a variant'],
		['model', 'gpt-4o:free', 'is not a model ID with a variant'],
		['model', 'openai/gpt-4o:free:nitro', 'is not a model ID with a variant'],
		['model', '@preset/', 'is not a preset'],
		['model', '@preset/Support', 'is not a preset'],
		['model', '@team/support', 'is not a preset'],
	])(
		'refuses a malformed %s "%s", naming the field, before any call',
		async (field, id, problem) => {
			const result = await run(id);

			expect(chatRequests(fixture.gateway)).toHaveLength(0);
			expect(outputJson(result, ROUTED_CHAT, 1)[0].error).toBe(
				`Item 0: ${field}: "${id}" ${problem}`,
			);
		},
	);

	it('names fallbackModels for a malformed fallback', async () => {
		const result = await run(NITRO, { fallbackModels: 'openai/gpt-4o:fast' });

		expect(chatRequests(fixture.gateway)).toHaveLength(0);
		expect(outputJson(result, ROUTED_CHAT, 1)[0].error).toBe(
			'Item 0: fallbackModels: "openai/gpt-4o:fast" is not a model ID with a variant',
		);
	});
});
