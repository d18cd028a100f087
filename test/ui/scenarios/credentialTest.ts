import assert from 'node:assert/strict';

import type { Locator, Page } from 'playwright-core';

import { choose, eventually, LOAD_TIMEOUT_MS } from '../editor';
import type { Scenario } from '../scenario';

async function openNewCredential(page: Page, n8nUrl: string): Promise<Locator> {
	await page.goto(`${n8nUrl}/home/credentials`);
	await page
		.locator('[data-test-id="add-resource-credential"]')
		.click({ timeout: LOAD_TIMEOUT_MS });
	await page.keyboard.type('Routed Chat');
	await page
		.locator('[data-test-id="new-credential-type-select-option"]')
		.filter({ hasText: 'Routed Chat OpenRouter API' })
		.click();
	await page.locator('[data-test-id="new-credential-type-button"]').click();
	const dialog = page.locator('[data-test-id="credential-edit-dialog"]');
	await dialog.waitFor();
	return dialog;
}

async function saveWithKey(dialog: Locator, apiKey: string): Promise<void> {
	await dialog.locator('[data-test-id="parameter-input-apiKey"] input').fill(apiKey);
	await dialog.page().locator('[data-test-id="credential-save-button"]').click();
}

export const credentialTest: Scenario = {
	name: 'credential Test: passes with the key, fails with a wrong key saying what to fix',
	async run({ page, n8nUrl, gateway }) {
		const dialog = await openNewCredential(page, n8nUrl);
		await dialog.locator('[data-test-id="parameter-input-baseUrl"] input').fill(gateway.baseUrl);
		// The mock stands in for OpenRouter on loopback: Test then asks GET /key, which checks the key.
		await choose(page, 'gatewayType', 'OpenRouter');

		await saveWithKey(dialog, 'sk-or-not-the-key');
		await eventually(async () =>
			assert.match(await dialog.innerText(), /Couldn.t connect with these settings/),
		);
		await dialog.getByText('More details').click();
		await eventually(async () =>
			assert.match(await dialog.innerText(), /The key was refused \(401\): check the API Key/),
		);

		await saveWithKey(dialog, gateway.apiKey);
		await eventually(async () =>
			assert.match(await dialog.innerText(), /Connection tested successfully/),
		);
		// Leave only the demo's credential, so later new nodes pick it by themselves.
		await dialog.page().locator('[data-test-id="credential-delete-button"]').click();
		await page.getByRole('button', { name: 'Yes, delete' }).click();
	},
};
