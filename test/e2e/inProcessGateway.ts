import { credentialFile } from '../../scripts/n8n/credential';
import type { Gateway } from '../../scripts/n8n/gateway';
import { startMockGateway } from '../mock-gateway/server';
import type { MockGateway, MockModel } from '../mock-gateway/types';

/**
 * A mock gateway in the e2e's own process, so that its checks can read what it received, with
 * the n8n credential (`credential`) that points a workflow at it.
 */
export interface InProcessGateway {
	mock: MockGateway;
	gateway: Gateway;
	credentials: unknown[];
}

export async function startInProcessGateway(
	models: MockModel[],
	credential: { id: string; name: string },
): Promise<InProcessGateway> {
	const mock = await startMockGateway({ models });
	const gateway: Gateway = {
		baseUrl: mock.baseUrl,
		apiKey: mock.apiKey,
		isMock: true,
		stop: async () => await mock.close(),
	};
	return { mock, gateway, credentials: credentialFile(gateway, credential) };
}
