/** Progress goes to stderr in scripts/toolchain.sh's form, so stdout carries only the result. */
export function progress(message: string): void {
	process.stderr.write(`[routed-chat] ${message}\n`);
}

export function seconds(sinceMs: number): string {
	return `${((Date.now() - sinceMs) / 1000).toFixed(1)} s`;
}
