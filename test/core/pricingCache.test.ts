import { type ModelInfo, PricingCache } from '../../nodes/RoutedChat/core';

const GATEWAY = 'https://gateway.test/api/v1';
const model: ModelInfo = {
	id: 'vendor/model',
	name: 'Model',
	contextLength: 1000,
	price: { promptPicoUsd: 1_000_000, completionPicoUsd: 2_000_000 },
};

function deferred<T>() {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

describe('PricingCache', () => {
	it('shares one load between concurrent callers', async () => {
		const cache = new PricingCache(60_000);
		const load = jest.fn(async () => [model]);
		const [first, second] = await Promise.all([
			cache.get(GATEWAY, 0, load),
			cache.get(GATEWAY, 1, load),
		]);
		expect(load).toHaveBeenCalledTimes(1);
		expect(first).toBe(second);
		expect(first?.get(model.id)).toEqual(expect.objectContaining(model.price));
	});

	it('tries again after a failed load', async () => {
		const cache = new PricingCache(60_000);
		expect(await cache.get(GATEWAY, 0, async () => Promise.reject(new Error('down')))).toBe(
			undefined,
		);
		const book = await cache.get(GATEWAY, 1, async () => [model]);
		expect(book?.has(model.id)).toBe(true);
	});

	it('keeps a newer entry when an older load fails after it', async () => {
		const cache = new PricingCache(1_000);
		const slow = deferred<ModelInfo[]>();
		const stale = cache.get(GATEWAY, 0, async () => await slow.promise);
		const fresh = await cache.get(GATEWAY, 2_000, async () => [model]);
		slow.reject(new Error('timed out'));
		expect(await stale).toBe(undefined);

		const reload = jest.fn(async () => [model]);
		expect(await cache.get(GATEWAY, 2_001, reload)).toBe(fresh);
		expect(reload).not.toHaveBeenCalled();
	});
});
