import type { MockModel } from '../../test/mock-gateway';

/** The mock's catalogue for every row: one model per latency, and one that is down. */
export const FAST_MODEL = 'bench/fast';
export const SLOW_MODEL = 'bench/slow-50ms';
export const CALL_20MS_MODEL = 'bench/call-20ms';
export const DOWN_MODEL = 'bench/down';
export const SLOW_LATENCY_MS = 50;

const pricing = { prompt: '0.0000001', completion: '0.0000004' };

export const benchModels: MockModel[] = [
	{ id: FAST_MODEL, pricing, latencyMs: 0, reply: 'ok' },
	{ id: SLOW_MODEL, pricing, latencyMs: SLOW_LATENCY_MS, reply: 'ok' },
	{ id: CALL_20MS_MODEL, pricing, latencyMs: 20, reply: 'ok' },
	{
		id: DOWN_MODEL,
		pricing,
		latencyMs: 0,
		down: { status: 503, message: 'No endpoints available' },
	},
];
