import { readFile } from 'node:fs/promises';

export interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	onError?: string;
}

export interface Workflow {
	id: string;
	name: string;
	nodes: WorkflowNode[];
}

export const ROUTED_CHAT_TYPE = 'n8n-nodes-routed-chat.routedChat';

export async function readWorkflow(path: string): Promise<Workflow> {
	const workflow = JSON.parse(await readFile(path, 'utf8')) as Workflow;
	if (!workflow.id) throw new Error(`${path} has no "id": n8n import would give it a random one`);
	return workflow;
}

export function nodeNamed(workflow: Workflow, name: string): WorkflowNode {
	const node = workflow.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`Workflow "${workflow.name}" has no node "${name}"`);
	return node;
}

export function routedChatNodes(workflow: Workflow): WorkflowNode[] {
	return workflow.nodes.filter((node) => node.type === ROUTED_CHAT_TYPE);
}

/** A model list parameter as the node reads it: ids separated by commas or new lines. */
export function modelList(value: unknown): string[] {
	return typeof value === 'string'
		? value
				.split(/[,\n]/)
				.map((id) => id.trim())
				.filter(Boolean)
		: [];
}
