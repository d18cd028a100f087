import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium (scripts/chromium.sh installs it); playwright-core never downloads one. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** A common laptop screen: the model list rows must fit the panel's default width at this size. */
export const VIEWPORT = { width: 1440, height: 900 };

export interface Browser {
	context: BrowserContext;
	close(): Promise<void>;
}

/** Chromium on a fresh profile (its own --user-data-dir), so no cookie, cache or theme carries over. */
export async function launchChromium(): Promise<Browser> {
	const profile = await mkdtemp(join(tmpdir(), 'routed-chat-ui-profile-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		args: ARGS,
		headless: true,
		viewport: VIEWPORT,
	});
	return {
		context,
		close: async () => {
			await context.close();
			await rm(profile, { recursive: true, force: true, maxRetries: 3 });
		},
	};
}
