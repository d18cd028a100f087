import { join } from 'node:path';

import type { Execution } from '../n8n/execution';
import { psql } from './services';
import { waitUntil } from './waitUntil';

type Postgres = Parameters<typeof psql>[0];

export interface StoredExecution extends Execution {
	id: string;
}

/** n8n stores an execution's data with `flatted` (it has cycles); its own copy reads it. */
function parseFlatted(text: string): unknown {
	const n8nDir = process.env.N8N_DIR;
	if (!n8nDir) throw new Error('N8N_DIR is not set: run through scripts/queue.sh');
	const flatted = require(join(n8nDir, 'node_modules', 'flatted')) as {
		parse(text: string): unknown;
	};
	return flatted.parse(text);
}

const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Waits until `count` executions of the workflow have ended, whatever their status. */
export async function waitForExecutions(
	postgres: Postgres,
	workflowId: string,
	count: number,
	timeoutMs: number,
): Promise<void> {
	await waitUntil(
		`${count} executions of workflow ${workflowId} have ended`,
		async () => {
			const [ended] = await psql(
				postgres,
				`SELECT count(*) FROM execution_entity WHERE "workflowId" = ${sqlText(workflowId)} AND status NOT IN ('new', 'running', 'waiting')`,
			);
			return Number(ended) >= count;
		},
		undefined,
		{ timeoutMs, intervalMs: 1000 },
	);
}

/** The executions of a workflow as the workers saved them in PostgreSQL. */
export async function readExecutions(
	postgres: Postgres,
	workflowId: string,
): Promise<StoredExecution[]> {
	const rows = await psql(
		postgres,
		`SELECT json_build_object('id', e.id, 'status', e.status, 'data', d.data) FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id WHERE e."workflowId" = ${sqlText(workflowId)} ORDER BY e.id`,
	);
	return rows.map((row) => {
		const { id, status, data } = JSON.parse(row) as {
			id: number | string;
			status: string;
			data: string;
		};
		return { id: String(id), status, data: parseFlatted(data) as Execution['data'] };
	});
}
