/**
 * `task` with at most one item starting per turn of the event loop: each start
 * waits until `nextTurn` (a timer of n8n's), begun when the item before it
 * started, has passed. An item that comes after that starts at once.
 *
 * An item's start is mostly synchronous CPU work (n8n evaluates the item's
 * expressions, its HTTP helper builds the request and opens a connection), and
 * its request leaves only once the event loop gets back to the connection. When
 * several answers arrive together, their items' successors would otherwise all
 * start in that one turn and their requests leave together after all that work,
 * come back together, and so on: the pool would run in lock-step windows of
 * `latency + concurrency × CPU per item`. One start per turn lets each request
 * leave before the next item's work, so the pool keeps sliding.
 */
export function oneStartPerTurn<T, R>(
	task: (item: T, index: number) => Promise<R>,
	nextTurn: () => Promise<void>,
): (item: T, index: number) => Promise<R> {
	let ready: Promise<void> = Promise.resolve();
	return async (item, index) => {
		const start = ready;
		ready = start.then(nextTurn);
		await start;
		return await task(item, index);
	};
}
