import { GatewayStatusError } from '../../nodes/RoutedChat/core';
import { routeChat } from '../../nodes/RoutedChat/core/routeChat';
import type { HttpSend } from '../../nodes/RoutedChat/transport/httpExchange';
import { RouteError } from '../../nodes/RoutedChat/core/routeError';
import { fakeClock, gatewayFixture, plan } from '../core/support';
import { pricedModel } from '../mock-gateway/jestFixture';
import { completionError } from './completionError';

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

describe("an OpenAI-compatible server's error body", () => {
	async function statusMessage(status: number, body: string): Promise<string> {
		const send: HttpSend = async () => ({
			status,
			headers: new Headers({ 'content-type': 'application/json' }),
			body,
		});
		const error = await completionError(send, false);
		expect(error).toBeInstanceOf(GatewayStatusError);
		return (error as GatewayStatusError).message;
	}

	it.each([
		[
			"vLLM's, the message at the top",
			'{"object":"error","message":"The model `a/model` does not exist.","type":"NotFoundError","param":null,"code":404}',
			'404 The model `a/model` does not exist.',
		],
		[
			"a FastAPI server's detail",
			'{"detail":"The model `a/model` does not exist."}',
			'404 The model `a/model` does not exist.',
		],
	])('reads %s', async (_, body, message) => {
		expect(await statusMessage(404, body)).toBe(message);
	});

	it('keeps the text of a body it cannot read', async () => {
		expect(await statusMessage(500, '{"unexpected": true}')).toBe('500 {"unexpected": true}');
	});
});
