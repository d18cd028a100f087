import type { Page } from 'playwright-core';

import type { Gateway } from '../../scripts/n8n/gateway';

/** What a scenario needs: a signed-in page on the editor, and the mock gateway this run started. */
export interface UiContext {
	page: Page;
	n8nUrl: string;
	gateway: Gateway;
	/** Saves a screenshot for the README (docs/) when the run was asked to; otherwise does nothing. */
	capture(
		name: string,
		target: { screenshot(options: { path: string }): Promise<unknown> },
	): Promise<void>;
}

/** One thing a user does in the editor, with assertions (node:assert) on what the page shows. */
export interface Scenario {
	name: string;
	run(ui: UiContext): Promise<void>;
}
