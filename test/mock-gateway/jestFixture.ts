import { startMockGateway } from './server';
import type { MockGateway, MockGatewayOptions, MockModel } from './types';

/** A mock gateway for one jest file: started before its tests, reset after each, closed at the end. */
export function mockGatewayFixture(
	models: MockModel[],
	options: Omit<MockGatewayOptions, 'models'> = {},
): { gateway: MockGateway } {
	const fixture = {} as { gateway: MockGateway };
	beforeAll(async () => {
		fixture.gateway = await startMockGateway({ ...options, models });
	});
	afterEach(() => fixture.gateway.reset());
	afterAll(async () => await fixture.gateway.close());
	return fixture;
}

/** A model at $1 / $2 per million prompt / completion tokens, served by `<vendor>-provider`. */
export function pricedModel(id: string, extra: Partial<MockModel> = {}): MockModel {
	return {
		id,
		pricing: { prompt: '0.000001', completion: '0.000002' },
		provider: `${id.split('/')[0]}-provider`,
		...extra,
	};
}

/** What tokens cost at pricedModel's prices, in USD. */
export function pricedModelUsd({
	promptTokens,
	completionTokens,
}: {
	promptTokens: number;
	completionTokens: number;
}): number {
	return promptTokens * 1e-6 + completionTokens * 2e-6;
}

/** The chat completion requests the gateway received, in order. */
export function chatRequests(gateway: MockGateway) {
	return gateway.requests.filter((request) => request.path.endsWith('/chat/completions'));
}

/** The models the gateway was asked for, request by request. */
export function requestedModels(gateway: MockGateway): string[][] {
	return chatRequests(gateway).map((request) => {
		const body = request.body as { model: string; models?: string[] };
		return body.models ?? [body.model];
	});
}

/** What the gateway charged the key since start or reset, in USD, as its GET /key reports it. */
export async function chargedUsd(gateway: MockGateway): Promise<number> {
	const response = await fetch(`${gateway.baseUrl}/key`, {
		headers: { authorization: `Bearer ${gateway.apiKey}` },
	});
	const { data } = (await response.json()) as { data: { usage: number } };
	return data.usage;
}
