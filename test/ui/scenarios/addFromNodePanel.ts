import assert from 'node:assert/strict';

import {
	addToWorkflow,
	canvasNode,
	choose,
	closeNode,
	eventually,
	openNode,
	searchNodePanel,
} from '../editor';
import type { Scenario } from '../scenario';

/** Routing option → the subtitle the canvas must show; Pinned last, back to the default. */
const SUBTITLES: Array<[routing: string, subtitle: string]> = [
	['Tier', 'Tier: cheap'],
	['Rules', 'Rules'],
	['Cascade', 'Cascade: cheap → strong'],
	['Pinned Model', 'Pinned: choose a model'],
];

export const addFromNodePanel: Scenario = {
	name: 'node panel: "Routed" finds Routed Chat with its icon; the canvas subtitle follows Routing',
	async run({ page, n8nUrl }) {
		const item = await searchNodePanel(page, n8nUrl, 'Routed', 'Routed Chat');
		const icon = await item.locator('img').first().getAttribute('src');
		assert.match(icon ?? '', /\/routedChat\.svg$/, `the node panel shows the icon ${icon}`);
		await addToWorkflow(page, item);
		await closeNode(page);

		const node = canvasNode(page, 'Routed Chat');
		const subtitleIs = async (subtitle: string) =>
			await eventually(async () => {
				const text = await node.innerText();
				assert.ok(text.includes(subtitle), `the canvas shows "${text}", not "${subtitle}"`);
			});
		await subtitleIs('Pinned: choose a model');
		for (const [routing, subtitle] of SUBTITLES) {
			await openNode(page, 'Routed Chat');
			await choose(page, 'routing', routing);
			await closeNode(page);
			await subtitleIs(subtitle);
		}
	},
};
