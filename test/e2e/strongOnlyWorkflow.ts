import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { ROUTED_CHAT_TYPE } from '../../scripts/n8n/workflowFile';

interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<{ type: string; parameters: Record<string, unknown> }>;
}

/**
 * The cascade example with its Routed Chat node set to Routing = Tier, strong:
 * the same tickets, prompt, schema and summary, every one to the strong tier.
 * Written into `folder`, and returns its path.
 */
export async function writeStrongOnlyWorkflow(
	examplePath: string,
	folder: string,
): Promise<string> {
	const workflow = JSON.parse(await readFile(examplePath, 'utf8')) as WorkflowJson;
	const routedChat = workflow.nodes.filter((node) => node.type === ROUTED_CHAT_TYPE);
	if (routedChat.length !== 1)
		throw new Error(`${examplePath} should have one Routed Chat node, has ${routedChat.length}`);
	const { cascadeChecks: _checks, ...parameters } = routedChat[0].parameters;
	routedChat[0].parameters = { ...parameters, routing: 'tier', tier: 'strong' };
	workflow.id = `${workflow.id}Strong`;
	workflow.name = `${workflow.name} (e2e: strong tier only)`;
	const path = join(folder, 'support-ticket-strong-only.json');
	await writeFile(path, JSON.stringify(workflow, null, '\t'));
	return path;
}
