/** Time as the core sees it: injected, so backoff and cool-downs are tested without waiting. */
export interface Clock {
	/** Milliseconds since the epoch (Retry-After may be an HTTP date). */
	now(): number;
	/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
