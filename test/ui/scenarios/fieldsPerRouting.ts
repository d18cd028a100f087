import assert from 'node:assert/strict';

import { choose, eventually, fieldLabels, parameters, routedChatPanel } from '../editor';
import type { Scenario } from '../scenario';

/** The fields that belong to one Routing mode or another; the rest show in every mode. */
const MODE_FIELDS = [
	'Model',
	'Tier',
	'Default Tier',
	'Cheap Models',
	'Strong Models',
	'Rules',
	'Checks',
];

const EXPECTED: Record<string, string[]> = {
	'Pinned Model': ['Model'],
	Tier: ['Tier', 'Cheap Models', 'Strong Models'],
	Rules: ['Default Tier', 'Cheap Models', 'Strong Models', 'Rules'],
	Cascade: ['Cheap Models', 'Strong Models', 'Checks'],
};

const ALWAYS = [
	'Input',
	'Prompt',
	'Attachments',
	'Routing',
	'Fallback Models',
	'Fallback Mode',
	'Options',
];

export const fieldsPerRouting: Scenario = {
	name: "Routing modes: each shows its own fields and none of the other modes'",
	async run({ page, n8nUrl, capture }) {
		await routedChatPanel(page, n8nUrl);
		for (const [routing, expected] of Object.entries(EXPECTED)) {
			await choose(page, 'routing', routing);
			await eventually(async () => {
				const labels = await fieldLabels(page);
				const shown = labels.filter((label) => MODE_FIELDS.includes(label));
				assert.deepEqual(shown, expected, `Routing ${routing} shows ${JSON.stringify(labels)}`);
				for (const label of ALWAYS)
					assert.ok(labels.includes(label), `Routing ${routing} hides ${label}`);
			});
			if (routing === 'Tier')
				await capture('node-panel-tier', page.locator('[data-test-id="ndv"]'));
		}
	},
};

export const modelListRows: Scenario = {
	name: 'Cheap, Strong and Fallback Models are three-row text areas',
	async run({ page, n8nUrl }) {
		await routedChatPanel(page, n8nUrl);
		await choose(page, 'routing', 'Tier');
		for (const name of ['cheapModels', 'strongModels', 'fallbackModels']) {
			const area = parameters(page).locator(`[data-test-id="parameter-input-${name}"] textarea`);
			assert.equal(await area.getAttribute('rows'), '3', `${name} rows`);
		}
	},
};
