import assert from 'node:assert/strict';

import { canvasNode, choose, closeNode, eventually, parameters, routedChatPanel } from '../editor';
import type { Scenario } from '../scenario';

/** "Claude Sonnet 4.5 · 1M ctx · $3.00 in / $15.00 out per 1M": context and both prices, two decimals at least. */
const ROW = /^.+ · \d+(\.\d)?[kM] ctx · \$\d+\.\d{2,} in \/ \$\d+\.\d{2,} out per 1M$/;

export const modelList: Scenario = {
	name: "Model, From List: the mock's models with context and prices, rows that fit, typing filters, picking fills the field",
	async run({ page, n8nUrl, capture }) {
		await routedChatPanel(page, n8nUrl);
		await choose(page, 'routing', 'Pinned Model');
		const locator = parameters(page).locator('[data-test-id="resource-locator-model"]');
		await locator.locator('[data-test-id="rlc-input"]').click();
		const rows = page.locator('[data-test-id="rlc-item"]');
		await eventually(async () => assert.ok((await rows.count()) >= 5, 'fewer than 5 models'));
		for (const text of await rows.allInnerTexts()) assert.match(text.trim(), ROW);

		const cutOff = await rows.evaluateAll((items) =>
			items
				.map((item) => item.querySelector('span'))
				.filter((span): span is HTMLSpanElement => !!span && span.scrollWidth > span.clientWidth)
				.map((span) => span.textContent),
		);
		assert.deepEqual(cutOff, [], 'rows cut off at the default panel width');
		await capture('model-list', page.locator('[data-test-id="ndv"]'));

		await page.locator('[data-test-id="rlc-search"]').fill('claude');
		await eventually(async () => {
			const filtered = await rows.allInnerTexts();
			assert.ok(filtered.length >= 1, 'typing "claude" left no model');
			for (const text of filtered) assert.match(text, /claude/i);
		});
		await rows.first().click();
		await eventually(async () =>
			assert.match(await locator.locator('[data-test-id="rlc-input"]').inputValue(), /Claude/),
		);
		await closeNode(page);
		await eventually(async () =>
			assert.match(
				await canvasNode(page, 'Routed Chat').innerText(),
				/Pinned: anthropic\/claude-sonnet-4\.5/,
			),
		);
	},
};
