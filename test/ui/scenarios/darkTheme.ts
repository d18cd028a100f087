import assert from 'node:assert/strict';

import { canvasNode, eventually, openWorkflow } from '../editor';
import type { Scenario } from '../scenario';

export const darkTheme: Scenario = {
	name: 'dark theme: the canvas shows the dark icon',
	async run({ page, n8nUrl }) {
		// Where Settings → Personal → Theme keeps the choice.
		await page.evaluate(() => localStorage.setItem('N8N_THEME', 'dark'));
		try {
			await openWorkflow(page, n8nUrl, 'routedChatDemoWf');
			await eventually(async () =>
				assert.equal(await page.locator('body').getAttribute('data-theme'), 'dark'),
			);
			const icon = canvasNode(page, 'Routed Chat: cheap or strong').locator('img').first();
			await eventually(async () =>
				assert.match((await icon.getAttribute('src')) ?? '', /\/routedChat\.dark\.svg$/),
			);
		} finally {
			await page.evaluate(() => localStorage.removeItem('N8N_THEME'));
		}
	},
};
