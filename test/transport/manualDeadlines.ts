import type { DeadlineAfter } from '../../nodes/RoutedChat/transport/attemptDeadline';

/** Attempt deadlines on the test's own time: none passes until the test calls `expire`. */
export interface ManualDeadlines {
	/** For the client (createHttpChatClient) in place of the timer. */
	deadlineAfter: DeadlineAfter;
	/** Time runs past every deadline made so far: each aborts with a TimeoutError, as a timer's does. */
	expire: () => void;
}

export function manualDeadlines(): ManualDeadlines {
	let pending: AbortController[] = [];
	return {
		deadlineAfter: () => {
			const deadline = new AbortController();
			pending.push(deadline);
			return deadline.signal;
		},
		expire: () => {
			const passed = pending;
			pending = [];
			for (const deadline of passed)
				deadline.abort(
					new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
				);
		},
	};
}
