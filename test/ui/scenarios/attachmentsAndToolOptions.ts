import assert from 'node:assert/strict';

import type { Page } from 'playwright-core';

import {
	addOption,
	choose,
	eventually,
	fieldLabels,
	optionsOffered,
	routedChatPanel,
} from '../editor';
import type { Scenario } from '../scenario';

/** Both Input modes show Attachments. */
async function attachmentsInEveryInputMode(page: Page): Promise<void> {
	for (const [mode, field] of [
		['Messages (JSON)', 'Messages'],
		['Prompt', 'Prompt'],
	]) {
		await choose(page, 'inputMode', mode);
		await eventually(async () => {
			const labels = await fieldLabels(page);
			assert.ok(labels.includes(field), `Input ${mode} hides ${field}: ${JSON.stringify(labels)}`);
			assert.ok(labels.includes('Attachments'), `Input ${mode} hides Attachments`);
		});
	}
}

/** Tool Name is offered, and shown once added, only while Tool Choice is Function. */
async function toolNameOnlyForFunction(page: Page): Promise<void> {
	await addOption(page, 'Tool Choice');
	await eventually(async () => assert.ok((await fieldLabels(page)).includes('Tool Choice')));
	assert.ok(!(await optionsOffered(page)).includes('Tool Name'), 'Tool Name offered with Auto');

	await choose(page, 'toolChoice', 'Function (Tool Name)');
	await eventually(async () =>
		assert.ok((await optionsOffered(page)).includes('Tool Name'), 'Tool Name not offered'),
	);
	await addOption(page, 'Tool Name');
	await eventually(async () => assert.ok((await fieldLabels(page)).includes('Tool Name')));

	await choose(page, 'toolChoice', 'Required');
	await eventually(async () =>
		assert.ok(!(await fieldLabels(page)).includes('Tool Name'), 'Tool Name shown with Required'),
	);
	assert.ok(!(await optionsOffered(page)).includes('Tool Name'), 'Tool Name offered with Required');
}

export const attachmentsAndToolOptions: Scenario = {
	name: 'Attachments in both Input modes; Stream Response, Tools (JSON), Tool Choice, Generation Stats offered; Tool Name only with Tool Choice Function',
	async run({ page, n8nUrl }) {
		await routedChatPanel(page, n8nUrl);
		await attachmentsInEveryInputMode(page);
		const offered = await optionsOffered(page);
		for (const label of ['Stream Response', 'Tools (JSON)', 'Tool Choice', 'Generation Stats'])
			assert.ok(offered.includes(label), `"Add Option" lacks ${label}: ${JSON.stringify(offered)}`);
		await toolNameOnlyForFunction(page);
	},
};
