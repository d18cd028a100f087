import assert from 'node:assert/strict';

import { choose, eventually, parameters, routedChatPanel } from '../editor';
import type { Scenario } from '../scenario';

export const rulesMode: Scenario = {
	name: 'Rules mode: Tier reads as the default when no rule matches, rules say how they are numbered, Field Value has an example',
	async run({ page, n8nUrl }) {
		await routedChatPanel(page, n8nUrl);
		await choose(page, 'routing', 'Rules');
		const panel = parameters(page);
		await eventually(async () => {
			const text = await panel.innerText();
			assert.ok(text.includes('Default Tier'), 'no "Default Tier" label');
			assert.ok(text.includes('Used for items that match no rule'), 'no default tier hint');
			assert.match(
				text,
				/Rules are checked from the top, numbered 1, 2, 3…/,
				'no numbering notice',
			);
		});
		await panel.getByRole('button', { name: 'Add Rule' }).click();
		await choose(page, 'condition', 'Field Equals');
		const value = panel.locator('[data-test-id="parameter-input-value"] input');
		assert.equal(await value.getAttribute('placeholder'), 'e.g. enterprise');
	},
};
