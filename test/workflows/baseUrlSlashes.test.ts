import { runWorkflow, testCredential } from './harness';
import { chatWorkflow, credentialsFor, outputJson, pinned, ROUTED_CHAT } from './support';
import { mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';

const MODEL = 'cheap/small';
/** The trimming pattern changed (linear now); it must still trim any run of trailing slashes. */
const SLASHES = '/'.repeat(50_000);

describe("the credential's base URL", () => {
	const fixture = mockGatewayFixture([pricedModel(MODEL)]);
	const withSlashes = () =>
		credentialsFor(fixture.gateway, { baseUrl: `${fixture.gateway.baseUrl}${SLASHES}` });

	it('is used without its trailing slashes, however many', async () => {
		const run = await runWorkflow(chatWorkflow(pinned(MODEL)), {
			credentials: withSlashes(),
			inputItems: [{ text: 'hello' }],
		});
		expect(outputJson(run, ROUTED_CHAT).map((item) => item.model)).toEqual([MODEL]);
		expect(fixture.gateway.requests.map((request) => request.path)).toContain('/chat/completions');
	});

	it('is tested without its trailing slashes, however many', async () => {
		const result = await testCredential(
			'routedChatOpenRouterApi',
			withSlashes().routedChatOpenRouterApi,
		);
		expect(result.status).toBe('OK');
	});
});
