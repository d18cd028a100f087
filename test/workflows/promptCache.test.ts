import { runWorkflow } from './harness';
import { chatWorkflow, credentialsFor, outputJson, pinned, ROUTED_CHAT } from './support';
import { chatRequests, mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';

const CLAUDE = 'anthropic/claude-sonnet';
// 120 characters: 30 prompt tokens at the mock's 4 characters per token.
const SYSTEM =
	'You triage support tickets for Acme. Answer with one word: billing, outage or other. '
		.repeat(2)
		.slice(0, 120);
const SYSTEM_TOKENS = 30;

describe('prompt caching (Cache Control)', () => {
	const fixture = mockGatewayFixture([pricedModel(CLAUDE)]);
	const credentials = () => credentialsFor(fixture.gateway);
	const sentMessages = (request: number) =>
		(chatRequests(fixture.gateway)[request].body as { messages: unknown[] }).messages;
	const run = (extra: Record<string, unknown>, options: Record<string, unknown>) =>
		runWorkflow(
			chatWorkflow(pinned(CLAUDE, { ...extra, options: { concurrency: 1, ...options } }), {
				onError: 'continueErrorOutput',
			}),
			{
				credentials: credentials(),
				inputItems: [{ text: 'My invoice is wrong' }, { text: 'The site is down' }],
			},
		);

	it('marks the system message with cache_control; the repeat reads the prefix from the cache', async () => {
		const result = await run(
			{ systemMessage: SYSTEM },
			{ cacheControl: 'system', cacheTtl: '1h', costSummary: true },
		);

		expect(sentMessages(0)[0]).toEqual({
			role: 'system',
			content: [{ type: 'text', text: SYSTEM, cache_control: { type: 'ephemeral', ttl: '1h' } }],
		});
		expect(sentMessages(0)[1]).toEqual({ role: 'user', content: 'My invoice is wrong' });
		const [first, second, summaryItem] = outputJson(result, ROUTED_CHAT);
		expect(first.usage).toMatchObject({ cacheWriteTokens: SYSTEM_TOKENS, cachedTokens: 0 });
		expect(second.usage).toMatchObject({ cacheWriteTokens: 0, cachedTokens: SYSTEM_TOKENS });
		expect(summaryItem.summary).toMatchObject({
			cachedTokens: SYSTEM_TOKENS,
			cacheWriteTokens: SYSTEM_TOKENS,
		});
	});

	it('marks the message at an index in Messages mode, with the default 5-minute TTL', async () => {
		await run(
			{
				inputMode: 'messages',
				messages: JSON.stringify([
					{ role: 'user', content: 'Here is our handbook: …' },
					{ role: 'assistant', content: 'Read.' },
					{ role: 'user', content: 'Summarise it.' },
				]),
			},
			{ cacheControl: 'message', cacheMessageIndex: 1 },
		);

		expect(sentMessages(0)).toEqual([
			{ role: 'user', content: 'Here is our handbook: …' },
			{
				role: 'assistant',
				content: [{ type: 'text', text: 'Read.', cache_control: { type: 'ephemeral' } }],
			},
			{ role: 'user', content: 'Summarise it.' },
		]);
	});

	it('refuses a mark that points at no message, naming the field, before any call', async () => {
		const noSystem = await run({}, { cacheControl: 'system' });
		const noIndex = await run({}, { cacheControl: 'message' });
		const pastTheEnd = await run({}, { cacheControl: 'message', cacheMessageIndex: 1 });

		expect(chatRequests(fixture.gateway)).toHaveLength(0);
		const error = (run: typeof noSystem) => outputJson(run, ROUTED_CHAT, 1)[0].error;
		expect(error(noSystem)).toMatch(/options\.cacheControl: .*has none/);
		expect(error(noIndex)).toMatch(/options\.cacheMessageIndex: .*not set/);
		expect(error(pastTheEnd)).toMatch(/options\.cacheMessageIndex: .*1 message /);
	});

	it('sends plain string content when Cache Control is off', async () => {
		await run({ systemMessage: SYSTEM }, {});

		expect(sentMessages(0)[0]).toEqual({ role: 'system', content: SYSTEM });
	});
});
