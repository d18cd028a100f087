import { routeChat } from '../../nodes/RoutedChat/core/routeChat';
import { RouteError } from '../../nodes/RoutedChat/core/routeError';
import { fakeClock, gatewayFixture, plan } from '../core/support';
import { pricedModel } from '../mock-gateway/jestFixture';

const FAILING = 'failing/model';

describe("OpenRouter's error body", () => {
	const fixture = gatewayFixture([pricedModel(FAILING)]);
	const once = { ...plan([FAILING]).policy, retriesPerModel: 0 };

	async function attemptError(): Promise<{ kind?: string; status?: number; error?: string }> {
		const outcome = await routeChat(plan([FAILING], { policy: once }), {
			client: fixture.client,
			clock: fakeClock(),
		}).catch((error: unknown) => error);
		expect(outcome).toBeInstanceOf(RouteError);
		return (outcome as RouteError).attempts[0];
	}

	it('names the provider and its raw error when OpenRouter passes them on', async () => {
		fixture.gateway.setModel(
			pricedModel(FAILING, {
				provider: 'Acme',
				down: { status: 502, message: 'Provider returned error', raw: '{"error":"overloaded"}' },
			}),
		);

		expect(await attemptError()).toEqual(
			expect.objectContaining({
				kind: 'server_error',
				status: 502,
				error: '502 Provider returned error (provider: Acme): {"error":"overloaded"}',
			}),
		);
	});

	it('keeps the message alone when there is no provider error', async () => {
		fixture.gateway.setModel(pricedModel(FAILING, { down: { status: 402, message: 'No credit' } }));

		expect(await attemptError()).toEqual(
			expect.objectContaining({ kind: 'insufficient_credit', status: 402, error: '402 No credit' }),
		);
	});
});
