/**
 * cfworker's JSON Schema validator matches `pattern` and `patternProperties` with
 * `new RegExp(source, 'u')`, which backtracks: one string or key in a model's answer
 * can hold n8n's event loop for hours. The build (gulpfile.js, an esbuild plugin) and
 * the tests (jest.config.js, this file as a transformer) rewrite those two calls in
 * its validate.js into the node's linear matcher (nodes/RoutedChat/plan/schemaPattern.ts),
 * so what ships and what is tested run the same validator.
 */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');

const SCHEMA_PATTERN = resolve(__dirname, '..', 'nodes', 'RoutedChat', 'plan', 'schemaPattern.ts');
const VALIDATE_FILE =
	/[\\/]@cfworker[\\/]json-schema[\\/]dist[\\/](esm|commonjs)[\\/]validate\.js$/;
const PATTERN_CALLS = /new RegExp\((\$?pattern), 'u'\)/g;
/** One for `pattern`, one for `patternProperties`. */
const EXPECTED_CALLS = 2;

/** validate.js (its ESM or CommonJS build) with its pattern RegExps replaced by schemaPattern. */
function linearSchemaPatterns(source, path) {
	const found = source.match(PATTERN_CALLS)?.length ?? 0;
	if (found !== EXPECTED_CALLS)
		throw new Error(
			`${path}: expected ${EXPECTED_CALLS} RegExp calls for schema patterns, found ${found}: has @cfworker/json-schema changed?`,
		);
	const load = /[\\/]esm[\\/]/.test(path)
		? `import { schemaPattern } from ${JSON.stringify(SCHEMA_PATTERN)};`
		: `const { schemaPattern } = require(${JSON.stringify(SCHEMA_PATTERN)});`;
	return `${load}\n${source.replace(PATTERN_CALLS, 'schemaPattern($1)')}`;
}

module.exports = {
	VALIDATE_FILE,
	linearSchemaPatterns,
	// As a Jest transformer.
	process: (source, path) => ({ code: linearSchemaPatterns(source, path) }),
	getCacheKey: (source, path) =>
		createHash('sha256').update(source).update(path).update(readFileSync(__filename)).digest('hex'),
};
