import assert from 'node:assert/strict';

import { addRoutedChat, choose, eventually, parameters } from '../editor';
import type { Scenario } from '../scenario';

export const cascadeMinConfidence: Scenario = {
	name: 'Cascade: Min Confidence added alone is a check of its own (field "confidence")',
	async run({ page, n8nUrl }) {
		await addRoutedChat(page, n8nUrl);
		await choose(page, 'routing', 'Cascade');
		const panel = parameters(page);
		await panel.locator('[data-test-id="collection-parameter-add"]').first().click();
		await page
			.locator('[data-test-id="collection-parameter-option"]:visible')
			.filter({ hasText: 'Min Confidence' })
			.click();
		const field = panel.locator('[data-test-id="parameter-input-minConfidence"] input');
		await eventually(async () => assert.match(await field.inputValue(), /^0\.70?$/));
		// Its help, shown on hover, says it works alone.
		await panel
			.locator('[data-test-id="parameter-item"]', { hasText: 'Min Confidence' })
			.last()
			.hover();
		await eventually(async () =>
			assert.match(
				await page.locator('body').innerText(),
				/Read from the field "confidence" unless you add Confidence Field/,
			),
		);
	},
};
