/**
 * `task` with a signal of its own per item that follows `shared` (the
 * execution's cancel signal, or the node stopping after a failure). Each of an
 * item's attempts listens to its item's signal, so `shared` carries one
 * listener however many items are in flight: past ten on one signal, Node
 * warns of a possible leak (MaxListenersExceededWarning) once per execution.
 */
export function withItemSignal<T, R>(
	shared: AbortSignal,
	task: (item: T, index: number, signal: AbortSignal) => Promise<R>,
): (item: T, index: number) => Promise<R> {
	const inFlight = new Set<AbortController>();
	shared.addEventListener(
		'abort',
		() => {
			for (const item of inFlight) item.abort(shared.reason);
		},
		{ once: true },
	);
	return async (item, index) => {
		const controller = new AbortController();
		if (shared.aborted) controller.abort(shared.reason);
		inFlight.add(controller);
		try {
			return await task(item, index, controller.signal);
		} finally {
			inFlight.delete(controller);
		}
	};
}
