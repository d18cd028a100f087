import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { preProcessFile } from 'typescript';

const CORE = resolve(__dirname, '../../nodes/RoutedChat/core');

function coreFiles(): string[] {
	return readdirSync(CORE, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
		.map((entry) => join(entry.parentPath, entry.name));
}

/** Every module a file names: imports, type imports, re-exports, require() and import(). */
function importsOf(file: string): string[] {
	const { importedFiles } = preProcessFile(readFileSync(file, 'utf8'), true, true);
	return importedFiles.map((imported) => imported.fileName);
}

function isInsideCore(file: string, specifier: string): boolean {
	if (!specifier.startsWith('./') && !specifier.startsWith('../')) return false;
	const target = relative(CORE, resolve(dirname(file), specifier));
	return !target.startsWith('..');
}

describe('the routing core', () => {
	it('imports nothing from outside nodes/RoutedChat/core', () => {
		const files = coreFiles();
		const outside = files.flatMap((file) =>
			importsOf(file)
				.filter((specifier) => !isInsideCore(file, specifier))
				.map((specifier) => `${relative(CORE, file)}: ${specifier}`),
		);

		expect(files.length).toBeGreaterThan(20);
		expect(outside).toEqual([]);
	});

	it('tells an outside import from an inside one', () => {
		const file = join(CORE, 'routeChat.ts');
		expect(
			['openai', 'n8n-workflow', '../transport/requestBody', 'zod', 'node:fs'].map((specifier) =>
				isInsideCore(file, specifier),
			),
		).toEqual([false, false, false, false, false]);
		expect(isInsideCore(file, './failure')).toBe(true);
	});
});
