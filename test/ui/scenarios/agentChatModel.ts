import assert from 'node:assert/strict';

import { addToWorkflow, canvasNode, closeNode, eventually, searchNodePanel } from '../editor';
import type { Scenario } from '../scenario';

export const agentChatModel: Scenario = {
	name: "AI Agent: Routed Chat Model is among its chat models and connects to the agent's Chat Model input",
	async run({ page, n8nUrl }) {
		await (await searchNodePanel(page, n8nUrl, 'AI Agent', 'AI Agent')).click();
		await closeNode(page);
		// The "+" under the agent's Chat Model input opens the node panel on chat models only.
		const chatModelInput = page.locator('[data-handleid="inputs/ai_languageModel/0"]');
		await chatModelInput.locator('[data-test-id="canvas-handle-plus"]').click();
		await page.keyboard.type('Routed');
		const item = page
			.locator('[data-test-id="node-creator-node-item"]')
			.filter({ has: page.getByText('Routed Chat Model', { exact: true }) });
		const icon = await item.locator('img').first().getAttribute('src');
		assert.match(icon ?? '', /\/routedChatModel\.svg$/, `the node panel shows the icon ${icon}`);
		await addToWorkflow(page, item);
		await closeNode(page);

		await eventually(async () =>
			assert.equal(await canvasNode(page, 'Routed Chat Model').count(), 1),
		);
		const edge = page.locator(
			'[data-test-id="edge"][data-source-node-name="Routed Chat Model"][data-target-node-name="AI Agent"]',
		);
		assert.equal(await edge.count(), 1, 'no connection from Routed Chat Model to the AI Agent');
		assert.equal(
			await chatModelInput.locator('[data-test-id="canvas-handle-plus"]').count(),
			0,
			"the agent's Chat Model input still offers a +",
		);
	},
};
