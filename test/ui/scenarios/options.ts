import assert from 'node:assert/strict';

import { addOption, choose, eventually, optionsOffered, routedChatPanel } from '../editor';
import type { Scenario } from '../scenario';

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
