export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A promise's outcome as a value, so failures are handled as data rather than caught and re-thrown. */
export async function settle<T>(promise: PromiseLike<T>): Promise<Settled<T>> {
	return await Promise.resolve(promise).then(
		(value) => ({ ok: true as const, value }),
		(error: unknown) => ({ ok: false as const, error }),
	);
}

/** The same for a synchronous step that may throw (JSON.parse, new RegExp). */
export function attempt<T>(step: () => T): Settled<T> {
	try {
		return { ok: true, value: step() };
	} catch (error) {
		return { ok: false, error };
	}
}
