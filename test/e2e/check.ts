/** One named assertion; `run` throws (node:assert) when it does not hold. */
export interface Check {
	name: string;
	run(): void;
}

/** Prints PASS or FAIL per check and returns how many failed. */
export function runChecks(checks: Check[]): number {
	let failed = 0;
	for (const check of checks) {
		try {
			check.run();
			process.stdout.write(`PASS  ${check.name}\n`);
		} catch (error) {
			failed += 1;
			const reason = error instanceof Error ? error.message : String(error);
			process.stdout.write(`FAIL  ${check.name}\n${reason.replace(/^/gm, '      ')}\n`);
		}
	}
	return failed;
}
