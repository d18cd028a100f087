import type { IExecuteFunctions, ISupplyDataFunctions } from 'n8n-workflow';

import {
	type ChatClient,
	type CircuitBreaker,
	type Clock,
	GatewayStatusError,
	type ModelInfo,
	type PriceBook,
	PricingCache,
} from '../core';
import { createRedactor, type Redactor } from '../output/redactor';
import { createGatewayClient } from '../transport/gatewayClient';
import { readGatewayCredentials } from '../transport/gatewayCredentials';
import { newBreaker } from './executionBreaker';
import { n8nClock } from './n8nClock';

/** Published prices survive between executions on this worker; losing them costs one request. */
const pricingCache = new PricingCache(10 * 60_000);

const MODELS_TIMEOUT_MS = 15_000;

/** How a gateway says it has no GET /models: an answer that holds, unlike a timeout or a 5xx. */
const NO_MODEL_LIST = new Set([404, 405, 501]);

/** What every item of one execution shares: built once, never per item. */
export interface ExecutionServices {
	client: ChatClient;
	clock: Clock;
	breaker: CircuitBreaker;
	prices: () => Promise<PriceBook | undefined>;
	redact: Redactor;
}

/** `breaker`: this call's own unless given (Routed Chat shares one per execution: executionBreaker.ts). */
export async function createExecutionServices(
	context: IExecuteFunctions | ISupplyDataFunctions,
	breaker: CircuitBreaker = newBreaker(),
): Promise<ExecutionServices> {
	const credentials = await readGatewayCredentials(context);
	const client = createGatewayClient(context, credentials);
	const clock = n8nClock;
	return {
		client,
		clock,
		breaker,
		prices: () => pricingCache.get(credentials.baseUrl, clock.now(), () => publishedModels(client)),
		redact: createRedactor([credentials.apiKey]),
	};
}

/** The gateway's models; none for a gateway without a list, cached as such rather than asked again per item. */
async function publishedModels(client: ChatClient): Promise<ModelInfo[]> {
	return await client.listModels({ timeoutMs: MODELS_TIMEOUT_MS }).catch((error: unknown) => {
		if (error instanceof GatewayStatusError && NO_MODEL_LIST.has(error.status)) return [];
		throw error;
	});
}
