/** Polls `ready` until it holds; fails at once if the process it waits for has `died`, or after `timeoutMs`. */
export async function waitUntil(
	what: string,
	ready: () => Promise<boolean>,
	died: () => boolean = () => false,
	{ timeoutMs = 90_000, intervalMs = 250 } = {},
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (died()) throw new Error(`Waiting until ${what}: the process exited`);
		if (await ready()) return;
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
	throw new Error(`Waited ${timeoutMs / 1000} s, still not: ${what}`);
}
