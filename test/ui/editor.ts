import type { Locator, Page } from 'playwright-core';

import { DEMO_OWNER } from '../../scripts/n8n/ui';

/** n8n on a busy CI machine: first loads of the editor take tens of seconds. */
export const LOAD_TIMEOUT_MS = 90_000;

export async function signIn(page: Page, n8nUrl: string): Promise<void> {
	await page.goto(`${n8nUrl}/signin`);
	await page.getByLabel(/email/i).fill(DEMO_OWNER.email);
	await page.getByLabel(/password/i).fill(DEMO_OWNER.password);
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: LOAD_TIMEOUT_MS });
}

export async function openWorkflow(page: Page, n8nUrl: string, id: string): Promise<void> {
	await page.goto(`${n8nUrl}/workflow/${id}`);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: LOAD_TIMEOUT_MS });
}

/** A new, empty workflow with the node panel searched for `query`; returns the first result named `name`. */
export async function searchNodePanel(
	page: Page,
	n8nUrl: string,
	query: string,
	name: string,
): Promise<Locator> {
	await page.goto(`${n8nUrl}/workflow/new`);
	const plus = page.locator('[data-test-id="node-creator-plus-button"]');
	await plus.waitFor({ timeout: LOAD_TIMEOUT_MS });
	await plus.click();
	await page.keyboard.type(query);
	const item = page
		.locator('[data-test-id="node-creator-node-item"]')
		.filter({ has: page.getByText(name, { exact: true }) });
	await item.waitFor();
	return item;
}

/** Adds a community node from its node panel entry (its details page, then Add to workflow); its panel opens. */
export async function addToWorkflow(page: Page, item: Locator): Promise<void> {
	await item.click();
	await page.getByRole('button', { name: 'Add to workflow' }).click();
	await parameters(page).waitFor();
}

/** A new workflow with Routed Chat added from the node panel, its panel open. */
export async function addRoutedChat(page: Page, n8nUrl: string): Promise<void> {
	await addToWorkflow(page, await searchNodePanel(page, n8nUrl, 'Routed', 'Routed Chat'));
}

/**
 * Routed Chat's panel, reusing what the page already shows (the panel open, or the one Routed Chat
 * node of a new workflow) to spare a reload of the editor; otherwise a new workflow with it.
 */
export async function routedChatPanel(page: Page, n8nUrl: string): Promise<void> {
	if (await parameters(page).isVisible()) return;
	if (page.url().includes('/workflow/') && (await canvasNode(page, 'Routed Chat').count()) === 1) {
		await openNode(page, 'Routed Chat');
		return;
	}
	await addRoutedChat(page, n8nUrl);
}

/** The open node panel's parameter list. */
export function parameters(page: Page): Locator {
	return page.locator('[data-test-id="node-parameters"]');
}

export function canvasNode(page: Page, name: string): Locator {
	return page.locator('[data-test-id="canvas-node"]').filter({ hasText: name });
}

export async function openNode(page: Page, name: string): Promise<void> {
	await canvasNode(page, name).dblclick();
	await parameters(page).waitFor();
}

export async function closeNode(page: Page): Promise<void> {
	await page.locator('[data-test-id="ndv-close-button"]').click();
	await parameters(page).waitFor({ state: 'detached' });
}

/** Picks an option of a top-level `options` parameter, as a user does: open the select, click the name. */
export async function choose(page: Page, parameter: string, option: string): Promise<void> {
	await page.locator(`[data-test-id="parameter-input-${parameter}"]`).click();
	await page
		.locator('[data-test-id="parameter-input-item"]:visible')
		.filter({ has: page.getByText(option, { exact: true }) })
		.click();
}

/**
 * Opens the "Add …" list of a collection (the panel's `index`th: Checks before Options) and
 * returns its entries: those of this list only, even while another list is still closing.
 */
export async function openCollectionAdd(page: Page, index: 'first' | 'last'): Promise<Locator> {
	const add = parameters(page).locator('[data-test-id="collection-parameter-add"]')[index]();
	const input = add.locator('input');
	await input.click();
	const list = await input.getAttribute('aria-controls');
	if (!list) throw new Error('the "Add" list has no listbox');
	const entries = page.locator(`[id="${list}"] [data-test-id="collection-parameter-option"]`);
	await entries.first().waitFor();
	return entries;
}

/** The names the "Add Option" list offers now (Options is the panel's last collection). */
export async function optionsOffered(page: Page): Promise<string[]> {
	const names = await (await openCollectionAdd(page, 'last')).allInnerTexts();
	await page.keyboard.press('Escape');
	return names.map((name) => name.trim());
}

/** Adds the option named `name` from the Options collection's "Add Option" list. */
export async function addOption(page: Page, name: string): Promise<void> {
	await (await openCollectionAdd(page, 'last')).filter({ hasText: name }).click();
}

/** The labels of the fields the panel shows now, in order. */
export async function fieldLabels(page: Page): Promise<string[]> {
	const labels = await parameters(page).locator('[data-test-id="input-label"]').allInnerTexts();
	return labels
		.map((label) =>
			label
				.split('\n')[0]
				.replace(/\s*\*$/, '')
				.trim(),
		)
		.filter(Boolean);
}

/** Polls until `check` stops throwing, then returns its result; rethrows its last error at the deadline. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			return await check();
		} catch (error) {
			if (Date.now() > deadline) throw error;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}
}
