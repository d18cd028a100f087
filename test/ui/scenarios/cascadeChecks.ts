import assert from 'node:assert/strict';

import { choose, eventually, openCollectionAdd, parameters, routedChatPanel } from '../editor';
import type { Scenario } from '../scenario';

export const cascadeMinConfidence: Scenario = {
	// That it then escalates a low confidence is test/workflows/editorParameters.test.ts's job.
	name: 'Cascade: Min Confidence can be added on its own, at 0.70',
	async run({ page, n8nUrl }) {
		await routedChatPanel(page, n8nUrl);
		await choose(page, 'routing', 'Cascade');
		const panel = parameters(page);
		await (await openCollectionAdd(page, 'first')).filter({ hasText: 'Min Confidence' }).click();
		const field = panel.locator('[data-test-id="parameter-input-minConfidence"] input');
		await eventually(async () => assert.match(await field.inputValue(), /^0\.70?$/));
	},
};
