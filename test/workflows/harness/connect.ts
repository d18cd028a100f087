import type { IConnections } from 'n8n-workflow';

/** Wires each link from a node's output (by index) to another node's first input. */
export function connect(...links: Array<[from: string, output: number, to: string]>): IConnections {
	const connections: IConnections = {};
	for (const [from, output, to] of links) {
		const outputs = (connections[from] ??= { main: [] }).main;
		(outputs[output] ??= []).push({ node: to, type: 'main', index: 0 });
	}
	return connections;
}
