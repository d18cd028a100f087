import assert from 'node:assert/strict';

import type { Page } from 'playwright-core';

import { canvasNode, closeNode, eventually, openNode, openWorkflow } from '../editor';
import type { Scenario } from '../scenario';

const DEMO_WORKFLOW_ID = 'routedChatDemoWf';
const TIERED = 'Routed Chat: cheap or strong';
const PINNED = 'Routed Chat: pinned model';
const COLUMNS = ['model', 'cost', 'fallbackUsed', 'attempts'];

/** Drags the panel's middle column to the left, as a user does to see more of the output. */
async function widenOutput(page: Page): Promise<void> {
	const box = await page.locator('[data-test-id="panel-drag-button"]').boundingBox();
	if (!box) throw new Error('the node panel has no drag handle');
	const y = box.y + box.height / 2;
	await page.mouse.move(box.x + box.width / 2, y);
	await page.mouse.down();
	await page.mouse.move(box.x - 420, y, { steps: 12 });
	await page.mouse.up();
}

/** The open node's output as a table: its headers and, per row, the cell under each header. */
async function outputTable(page: Page): Promise<Array<Record<string, string>>> {
	const output = page.locator('[data-test-id="output-panel"]');
	await output.locator('[data-test-id="radio-button-table"]').click();
	const table = output.locator('table').first();
	await table.waitFor();
	const headers = (await table.locator('thead th').allInnerTexts()).map((text) => text.trim());
	const rows = await table.locator('tbody > tr').all();
	return await Promise.all(
		rows.map(async (row) => {
			const cells = await row.locator(':scope > td').allInnerTexts();
			return Object.fromEntries(
				headers.map((header, index) => [header, cells[index]?.trim() ?? '']),
			);
		}),
	);
}

function assertServed(rows: Array<Record<string, string>>, count: number, node: string): void {
	assert.equal(rows.length, count, `${node}: ${rows.length} rows in the table`);
	for (const [index, row] of rows.entries()) {
		for (const column of COLUMNS)
			assert.ok(row[column], `${node}, row ${index + 1}: no ${column} (${JSON.stringify(row)})`);
		assert.match(row.cost, /totalUsd/, `${node}, row ${index + 1}: cost ${row.cost}`);
		assert.match(row.fallbackUsed, /^(true|false)$/, `${node}, row ${index + 1}`);
	}
}

export const executeDemo: Scenario = {
	name: "Execute workflow on the demo: Routed Chat's table shows model, cost, fallbackUsed and attempts for every item",
	async run({ page, n8nUrl, capture }) {
		await openWorkflow(page, n8nUrl, DEMO_WORKFLOW_ID);
		assert.match(await canvasNode(page, TIERED).innerText(), /Tier \(per item\)/);
		await page.locator('[data-test-id="execute-workflow-button"]').click();
		await eventually(async () => {
			const succeeded = await page.locator('[data-test-id="canvas-node-status-success"]').count();
			assert.ok(succeeded >= 9, `${succeeded} nodes succeeded`);
		}, 120_000);

		await page
			.locator('.el-notification .el-notification__closeBtn')
			.first()
			.click()
			.catch(() => {});
		await openNode(page, TIERED);
		await widenOutput(page);
		const tiered = await outputTable(page);
		assert.deepEqual(
			Object.keys(tiered[0] ?? {}).slice(0, 4),
			['model', 'cost', 'fallbackUsed', 'latencyMs'],
			'the first columns of the table',
		);
		assertServed(tiered, 9, TIERED);
		await capture('output-table', page.locator('[data-test-id="ndv"]'));
		await closeNode(page);

		await openNode(page, PINNED);
		const pinned = await outputTable(page);
		assertServed(pinned, 1, PINNED);
		assert.equal(pinned[0].fallbackUsed, 'true', 'the pinned model is down: a fallback served');
		await closeNode(page);
	},
};
