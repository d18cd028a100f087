/**
 * A jest reporter for CI: one 'N passed, N failed' line per project (jest.config.js), then the
 * total, so the product's count is not padded by the mock gateway's own tests.
 */
class ProjectCounts {
	constructor() {
		this.counts = new Map();
	}

	onTestResult(test, result) {
		const project = test.context.config.displayName?.name ?? 'tests';
		const count = this.counts.get(project) ?? { passed: 0, failed: 0 };
		count.passed += result.numPassingTests;
		// A file that fails to load has no failing test, but it is a failure.
		count.failed += result.numFailingTests + (result.testExecError ? 1 : 0);
		this.counts.set(project, count);
	}

	onRunComplete(_, results) {
		const line = (name, { passed, failed }) => `${name}: ${passed} passed, ${failed} failed`;
		for (const project of [...this.counts.keys()].sort())
			console.log(line(project, this.counts.get(project)));
		console.log(line('jest', { passed: results.numPassedTests, failed: results.numFailedTests }));
	}
}

module.exports = ProjectCounts;
