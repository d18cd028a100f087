import type { Fault, MockModel } from '../types';

export const QUEUE_PRIMARY_MODEL = 'queue/flaky';
export const QUEUE_FALLBACK_MODEL = 'queue/slow';

const pricing = { prompt: '0.0000002', completion: '0.0000008' };

/**
 * Of every ten requests to the primary, one is rate limited with a Retry-After
 * of one second and one finds no endpoint (503); the queue is long enough for
 * 1,000 items with their retries, after which the model simply answers.
 */
function faultMix(requests: number): Array<Fault | null> {
	return Array.from({ length: requests }, (_, index) => {
		if (index % 10 === 3) return { status: 429, retryAfter: '1', message: 'Rate limit exceeded' };
		if (index % 10 === 7)
			return { status: 503, message: `No endpoints available for ${QUEUE_PRIMARY_MODEL}` };
		return null;
	});
}

/** For `npm run test:queue`: a fast primary with a fault mix, and a slow fallback that always answers. */
export const queueModels: MockModel[] = [
	{ id: QUEUE_PRIMARY_MODEL, pricing, latencyMs: 20, faults: faultMix(3000) },
	{ id: QUEUE_FALLBACK_MODEL, pricing, latencyMs: 250 },
];
