import type { IHttpRequestOptions } from 'n8n-workflow';

import { runWorkflow } from './harness';
import { chatWorkflow, credentialsFor, outputJson, pinned, ROUTED_CHAT } from './support';
import { mockGatewayFixture, pricedModel } from '../mock-gateway/jestFixture';

const MODEL = 'acme/model';

/**
 * n8n's workflow evaluations can answer a node's HTTP requests with a mock model
 * (`evalLlmMockHandler`): the handler reads the request n8n's helper was given,
 * so the chat request must reach it as data, and its answer is served as the gateway's.
 */
describe("n8n's evaluation mock of the model calls", () => {
	const fixture = mockGatewayFixture([pricedModel(MODEL)]);

	it('sees the chat request as data, and its answer is the item', async () => {
		const seen: IHttpRequestOptions[] = [];
		const run = await runWorkflow(chatWorkflow(pinned(MODEL)), {
			credentials: credentialsFor(fixture.gateway),
			inputItems: [{ text: 'What is 2 + 2?' }],
			evalLlmMock: async (request) => {
				seen.push(request);
				return {
					statusCode: 200,
					headers: { 'content-type': 'application/json' },
					body: {
						id: 'gen-eval-1',
						object: 'chat.completion',
						created: 1_700_000_000,
						model: MODEL,
						choices: [
							{
								index: 0,
								message: { role: 'assistant', content: 'Four.' },
								finish_reason: 'stop',
							},
						],
						usage: { prompt_tokens: 12, completion_tokens: 2, total_tokens: 14, cost: 0.00003 },
					},
				};
			},
		});

		expect(run.status).toBe('success');
		expect(seen).toHaveLength(1);
		expect(seen[0].url).toBe(`${fixture.gateway.baseUrl}/chat/completions`);
		// The key is added after the mock, by the credential's authenticate, and never by the node.
		expect(JSON.stringify(seen)).not.toContain(fixture.gateway.apiKey);
		expect(seen[0].body).toMatchObject({
			model: MODEL,
			messages: [{ role: 'user', content: 'What is 2 + 2?' }],
		});
		const [item] = outputJson(run, ROUTED_CHAT);
		expect(item).toMatchObject({
			content: 'Four.',
			model: MODEL,
			usage: { promptTokens: 12, completionTokens: 2, totalTokens: 14 },
			cost: { totalUsd: 0.00003, source: 'gateway' },
		});
		expect(fixture.gateway.requests).toEqual([]);
	});
});
