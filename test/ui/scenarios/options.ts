import assert from 'node:assert/strict';

import type { Page } from 'playwright-core';

import { choose, eventually, openCollectionAdd, routedChatPanel } from '../editor';
import type { Scenario } from '../scenario';

/** The names the "Add Option" list offers now (Options is the panel's last collection). */
async function optionsOffered(page: Page): Promise<string[]> {
	const names = await (await openCollectionAdd(page, 'last')).allInnerTexts();
	await page.keyboard.press('Escape');
	return names.map((name) => name.trim());
}

async function addOption(page: Page, name: string): Promise<void> {
	await (await openCollectionAdd(page, 'last')).filter({ hasText: name }).click();
}

export const optionsThatApply: Scenario = {
	name: 'Options: JSON Schema only with Response Format JSON Schema; labels say what they count and in which unit',
	async run({ page, n8nUrl }) {
		await routedChatPanel(page, n8nUrl);
		await choose(page, 'routing', 'Pinned Model');
		const offered = await optionsOffered(page);
		for (const label of [
			'Fallback Drill: Models to Fail',
			'Item Deadline (Milliseconds)',
			'Timeout per Attempt (Milliseconds)',
			'Temperature',
			'Top P',
		])
			assert.ok(offered.includes(label), `"Add Option" lacks ${label}: ${JSON.stringify(offered)}`);
		assert.ok(!offered.includes('JSON Schema'), 'JSON Schema is offered with Response Format Text');

		await addOption(page, 'Response Format');
		await choose(page, 'responseFormat', 'JSON Schema');
		await eventually(async () =>
			assert.ok((await optionsOffered(page)).includes('JSON Schema'), 'JSON Schema not offered'),
		);
	},
};
