/** Turns pushed values into an async iterable: the routing core calls back with each delta, the SDK's `stream()` pulls. */
export class ChunkQueue<T> implements AsyncIterable<T> {
	private readonly values: T[] = [];
	private closed = false;
	private failure: { error: unknown } | undefined;
	private wake: (() => void) | undefined;

	push(value: T): void {
		this.values.push(value);
		this.signal();
	}

	close(): void {
		this.closed = true;
		this.signal();
	}

	fail(error: unknown): void {
		this.failure = { error };
		this.signal();
	}

	async *[Symbol.asyncIterator](): AsyncIterator<T> {
		for (;;) {
			const value = this.values.shift();
			if (value !== undefined) {
				yield value;
				continue;
			}
			if (this.failure) throw this.failure.error;
			if (this.closed) return;
			await new Promise<void>((resolve) => (this.wake = resolve));
		}
	}

	private signal(): void {
		const wake = this.wake;
		this.wake = undefined;
		wake?.();
	}
}
