import { mapWithConcurrency } from '../../nodes/RoutedChat/core/concurrency';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('mapWithConcurrency', () => {
	it('keeps input order while never running more than the limit at once', async () => {
		let inFlight = 0;
		let peak = 0;
		const items = Array.from({ length: 40 }, (_, index) => index);
		const results = await mapWithConcurrency(items, 6, async (item) => {
			inFlight++;
			peak = Math.max(peak, inFlight);
			// Later items finish first, so order can only come from the index.
			for (let i = 0; i < 40 - item; i++) await tick();
			inFlight--;
			return item * 2;
		});
		expect(results).toEqual(items.map((item) => item * 2));
		expect(peak).toBe(6);
	});

	it('handles fewer items than the limit and an empty list', async () => {
		expect(await mapWithConcurrency([1, 2], 10, async (n) => n + 1)).toEqual([2, 3]);
		expect(await mapWithConcurrency([], 10, async (n: number) => n)).toEqual([]);
	});
});
