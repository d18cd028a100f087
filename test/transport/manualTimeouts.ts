import { getEventListeners } from 'node:events';

import type { TimeoutSignal } from '../../nodes/RoutedChat/transport/attemptTimeout';

/** Attempt timeouts on the test's own time: none passes until the test says so. */
export interface ManualTimeouts {
	/** For the client (createHttpChatClient) in place of the timer. */
	timeoutSignal: TimeoutSignal;
	/** Time runs past every timeout made so far: each aborts with a TimeoutError, as a timer's does. */
	expire: () => void;
	/**
	 * Once a single attempt is still running, its timeout passes. An attempt runs while its
	 * timeout has listeners (sendAttempt removes them when it ends), so other attempts in flight
	 * when a request hangs finish first, however long they take.
	 */
	expireWhenAlone: () => Promise<void>;
}

export function manualTimeouts(): ManualTimeouts {
	let pending: AbortController[] = [];
	const running = () =>
		pending.filter((timeout) => getEventListeners(timeout.signal, 'abort').length > 0);
	const expire = (timeouts: AbortController[]) => {
		pending = pending.filter((timeout) => !timeouts.includes(timeout));
		for (const timeout of timeouts)
			timeout.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
	};
	return {
		timeoutSignal: () => {
			const timeout = new AbortController();
			pending.push(timeout);
			return timeout.signal;
		},
		expire: () => expire(pending),
		expireWhenAlone: async () => {
			while (running().length > 1) await new Promise((resolve) => setImmediate(resolve));
			expire(running());
		},
	};
}
