import { mapWithConcurrency } from '../../nodes/RoutedChat/core';
import { oneStartPerTurn } from '../../nodes/RoutedChat/execution/oneStartPerTurn';

async function flushMicrotasks(): Promise<void> {
	for (let tick = 0; tick < 5; tick++) await Promise.resolve();
}

/**
 * Turns of the event loop played by the test: each `nextTurn` waits until the
 * test ends a turn, and a turn ends every wait then pending, as a real turn
 * fires every timer that is due.
 */
function manualTurns() {
	const waiting: Array<() => void> = [];
	return {
		nextTurn: () => new Promise<void>((resolve) => waiting.push(resolve)),
		endTurn: async () => {
			await flushMicrotasks();
			for (const resolve of waiting.splice(0)) resolve();
			// Lets the started item run up to its own first wait.
			await flushMicrotasks();
		},
	};
}

/** A task through oneStartPerTurn that records which items started and finishes each when told. */
function heldTask(nextTurn: () => Promise<void>) {
	const started: number[] = [];
	const finish: Array<() => void> = [];
	const task = oneStartPerTurn(async (item: string, index: number) => {
		started.push(index);
		await new Promise<void>((resolve) => finish.push(resolve));
		return `${item} done`;
	}, nextTurn);
	return { started, finish, task };
}

describe('oneStartPerTurn', () => {
	it('starts one item per turn, in order, however many the pool could start at once', async () => {
		const turns = manualTurns();
		const { started, finish, task } = heldTask(turns.nextTurn);

		const results = mapWithConcurrency(['a', 'b', 'c', 'd'], 3, task);
		await flushMicrotasks();
		expect(started).toEqual([0]);
		await turns.endTurn();
		expect(started).toEqual([0, 1]);
		await turns.endTurn();
		expect(started).toEqual([0, 1, 2]);
		// The first two finish in the turn item 2 started in: their successor still waits for the next.
		finish[0]();
		finish[1]();
		await flushMicrotasks();
		expect(started).toEqual([0, 1, 2]);
		await turns.endTurn();
		expect(started).toEqual([0, 1, 2, 3]);
		finish[2]();
		finish[3]();
		await expect(results).resolves.toEqual(['a done', 'b done', 'c done', 'd done']);
	});

	it('starts an item at once when a turn has passed since the one before it started', async () => {
		const turns = manualTurns();
		const { started, finish, task } = heldTask(turns.nextTurn);

		const results = mapWithConcurrency(['a', 'b'], 1, task);
		await flushMicrotasks();
		expect(started).toEqual([0]);
		await turns.endTurn();
		finish[0]();
		await flushMicrotasks();
		expect(started).toEqual([0, 1]);
		finish[1]();
		await results;
	});
});
