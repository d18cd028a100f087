/** Shared by both projects. */
const base = {
	testEnvironment: 'node',
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { isolatedModules: true }],
		// @openrouter/sdk ships ESM only: compile it to CommonJS so tests can use its own response parsers.
		'/node_modules/@openrouter/sdk/.+\\.js$': [
			'ts-jest',
			{ tsconfig: { allowJs: true, isolatedModules: true } },
		],
		// The JSON Schema validator, with its pattern RegExps replaced as the build replaces them.
		'/node_modules/@cfworker/json-schema/dist/commonjs/validate\\.js$':
			'<rootDir>/scripts/linearSchemaPatterns.cjs',
	},
	transformIgnorePatterns: ['/node_modules/(?!@openrouter/sdk/|@cfworker/json-schema/)'],
	// Its package exports hide the file layout that TypeScript (node10 resolution) sees; map that layout back.
	moduleNameMapper: {
		'^@openrouter/sdk/esm/(.*)$': '<rootDir>/node_modules/@openrouter/sdk/esm/$1',
	},
};

/**
 * Two projects, so a count of passing tests says what it counts: `product` tests the package (the
 * core, the node in n8n's engine), `mock-gateway` tests the test double itself.
 * `npx jest --selectProjects product` runs one.
 */
/** @type {import('jest').Config} */
module.exports = {
	testTimeout: 20000,
	projects: [
		{
			...base,
			displayName: 'product',
			roots: ['<rootDir>/test'],
			testPathIgnorePatterns: [
				'/node_modules/',
				'/dist/',
				'<rootDir>/test/e2e/',
				'<rootDir>/test/mock-gateway/',
			],
		},
		{
			...base,
			displayName: 'mock-gateway',
			roots: ['<rootDir>/test/mock-gateway'],
			testPathIgnorePatterns: ['/node_modules/'],
		},
	],
};
