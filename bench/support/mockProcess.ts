import { startMockGateway } from '../../test/mock-gateway';
import { benchModels } from './benchModels';
import { watchMockLoad } from './mockLoad';

/**
 * The mock gateway in a process of its own (forked by mockGateway.ts), so its
 * work and its request log stay out of the measured process, as a real gateway would.
 */
async function main(): Promise<void> {
	const load = watchMockLoad();
	const gateway = await startMockGateway({
		models: benchModels,
		apiKey: process.env.BENCH_API_KEY,
	});
	process.on('message', (message) => {
		// Its request log grows with every call; the memory row clears it between runs.
		if (message === 'reset') {
			gateway.reset();
			load.reset();
			process.send?.('reset done');
		} else if (message === 'timeline') process.send?.(load.read());
	});
	process.on('disconnect', () => void gateway.close().then(() => process.exit(0)));
	process.send?.({ baseUrl: gateway.baseUrl, apiKey: gateway.apiKey });
}

void main();
