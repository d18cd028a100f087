import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { runWorkflow } from './harness';
import { chatWorkflow, credentialsFor, outputJson, pinned, ROUTED_CHAT } from './support';
import { mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';

const MODEL = 'acme/model';

/** A gateway that answers every request with a redirect to the same path at `origin`. */
async function redirecting(status: number, origin: string): Promise<Server> {
	const server = createServer((request, response) => {
		request.resume();
		response.writeHead(status, { location: `${origin}${request.url ?? ''}` }).end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return server;
}

/**
 * The key goes to the credential's Base URL and nowhere else: a redirect is not followed (n8n's
 * helper would send the key along to another origin), it fails the item with the address to use.
 */
describe('a gateway that redirects', () => {
	const fixture = mockGatewayFixture([pricedModel(MODEL)]);
	const servers: Server[] = [];
	afterAll(async () => {
		await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
	});

	it.each([301, 307, 308])(
		'with %i gets no request and fails the item naming where',
		async (status) => {
			const server = await redirecting(status, new URL(fixture.gateway.baseUrl).origin);
			servers.push(server);
			const { port } = server.address() as AddressInfo;
			const baseUrl = `http://127.0.0.1:${port}${new URL(fixture.gateway.baseUrl).pathname}`;

			const run = await runWorkflow(
				chatWorkflow(pinned(MODEL, { options: { retries: 2 } }), {
					onError: 'continueRegularOutput',
				}),
				{
					credentials: credentialsFor(fixture.gateway, { baseUrl }),
					inputItems: [{ text: 'hello' }],
				},
			);

			const [item] = outputJson(run, ROUTED_CHAT);
			expect(item.reason).toBe('bad_request');
			expect(item.error).toBe(
				`Item 0: ${status} redirect to ${fixture.gateway.baseUrl}/chat/completions, not followed: the key goes only to the credential's Base URL from ${MODEL}`,
			);
			expect(item.attempts).toHaveLength(1);
			expect(fixture.gateway.requests).toEqual([]);
		},
	);
});
