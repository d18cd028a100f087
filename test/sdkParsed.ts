/** The value an @openrouter/sdk `…FromJSON` parser read; its validation error fails the test. */
export function sdkParsed<T>(result: { ok: true; value: T } | { ok: false; error: Error }): T {
	if (!result.ok) throw result.error;
	return result.value;
}
