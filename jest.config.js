/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/e2e/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { isolatedModules: true }],
		// @openrouter/sdk ships ESM only: compile it to CommonJS so tests can use its own response parsers.
		'/node_modules/@openrouter/sdk/.+\\.js$': [
			'ts-jest',
			{ tsconfig: { allowJs: true, isolatedModules: true } },
		],
	},
	transformIgnorePatterns: ['/node_modules/(?!@openrouter/sdk/)'],
	// Its package exports hide the file layout that TypeScript (node10 resolution) sees; map that layout back.
	moduleNameMapper: {
		'^@openrouter/sdk/esm/(.*)$': '<rootDir>/node_modules/@openrouter/sdk/esm/$1',
	},
	testTimeout: 20000,
};
