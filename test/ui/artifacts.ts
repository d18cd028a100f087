import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

import type { Page } from 'playwright-core';

/** Where a failed scenario leaves its screenshot, console log and page HTML; CI prints the list. */
export class FailureArtifacts {
	constructor(readonly folder: string) {}

	async clear(): Promise<void> {
		await rm(this.folder, { recursive: true, force: true });
	}

	async save(slug: string, page: Page, consoleLines: string[], error: unknown): Promise<void> {
		const folder = join(this.folder, slug);
		await mkdir(folder, { recursive: true });
		const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
		await writeFile(join(folder, 'error.txt'), `${reason}\n`);
		await writeFile(join(folder, 'console.log'), `${consoleLines.join('\n')}\n`);
		await page.screenshot({ path: join(folder, 'screenshot.png'), fullPage: true }).catch(() => {});
		await writeFile(join(folder, 'page.html'), await page.content().catch(() => ''));
	}

	async list(root: string): Promise<string[]> {
		const entries = await readdir(this.folder, { recursive: true, withFileTypes: true }).catch(
			() => [],
		);
		return entries
			.filter((entry) => entry.isFile())
			.map((entry) => relative(root, join(entry.parentPath, entry.name)))
			.sort();
	}
}

export function slugOf(name: string): string {
	return name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60);
}
