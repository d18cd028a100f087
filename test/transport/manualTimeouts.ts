import type { TimeoutSignal } from '../../nodes/RoutedChat/transport/attemptTimeout';

/** Attempt timeouts on the test's own time: none passes until the test calls `expire`. */
export interface ManualTimeouts {
	/** For the client (createHttpChatClient) in place of the timer. */
	timeoutSignal: TimeoutSignal;
	/** Time runs past every timeout made so far: each aborts with a TimeoutError, as a timer's does. */
	expire: () => void;
}

export function manualTimeouts(): ManualTimeouts {
	let pending: AbortController[] = [];
	return {
		timeoutSignal: () => {
			const timeout = new AbortController();
			pending.push(timeout);
			return timeout.signal;
		},
		expire: () => {
			const passed = pending;
			pending = [];
			for (const timeout of passed)
				timeout.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
		},
	};
}
