import assert from 'node:assert/strict';

import {
	type Execution,
	type Json,
	type NodeItem,
	outputItems,
	pairedIndex,
	succeeded,
} from '../../scripts/n8n/execution';
import { nodeNamed, type Workflow } from '../../scripts/n8n/workflowFile';
import type { Check } from './check';

/**
 * test/e2e/continue-on-fail.json sends four requests to two Routed Chat nodes,
 * one per Continue On Fail form: 0 and 2 name models the mock serves, 1 a model
 * the mock does not have (404, and no fallback), 3 an id the node refuses.
 */
const SERVED = [0, 2];
const FAILED = [1, 3];

function byPairedIndex(items: NodeItem[]): Map<number, Json> {
	return new Map(items.map((item) => [pairedIndex(item)?.item ?? -1, item.json]));
}

function assertServed(json: Json | undefined, index: number): void {
	assert.ok(json, `no output item paired to input ${index}`);
	assert.equal(json.error, undefined, `item ${index} should be served: ${String(json.error)}`);
	assert.equal(typeof json.content, 'string', `item ${index} content`);
	assert.equal(json.model, json.requestedModel, `item ${index} model`);
}

function assertFailed(json: Json | undefined, index: number): void {
	assert.ok(json, `no output item paired to input ${index}`);
	assert.match(
		String(json.error),
		new RegExp(`^Item ${index}: `),
		`item ${index} error names the item`,
	);
	// n8n routes an item to the error output only if its json has no keys but error, message and details.
	const attempts = (json.attempts ?? (json.details as Json | undefined)?.attempts) as
		| Json[]
		| undefined;
	assert.ok(
		Array.isArray(attempts),
		`item ${index} lists its attempts (keys: ${Object.keys(json).join(', ')})`,
	);
	if (index === 1) {
		assert.equal(attempts.length, 1, 'one attempt: a 404 does not retry and there is no fallback');
		assert.equal(attempts[0].model, 'acme/no-such-model');
		assert.equal(attempts[0].status, 404);
	} else {
		assert.equal(attempts.length, 0, 'a refused model id makes no request');
		assert.match(String(json.error), /model/i);
	}
}

export function continueOnFailChecks(execution: Execution, workflow: Workflow): Check[] {
	const regular = nodeNamed(workflow, 'On regular output').name;
	const errorOutput = nodeNamed(workflow, 'On error output').name;
	return [
		{
			name: 'Continue On Fail: the workflow succeeds although two items fail',
			run: () =>
				assert.ok(
					succeeded(execution),
					`status ${execution.status}: ${execution.data.resultData.error?.message ?? ''}`,
				),
		},
		{
			name: 'Continue On Fail (regular output): failed items are {error, attempts}, paired; the others are served',
			run: () => {
				const items = outputItems(execution, regular);
				assert.equal(items.length, 4, 'one output item per input');
				const byInput = byPairedIndex(items);
				SERVED.forEach((index) => assertServed(byInput.get(index), index));
				FAILED.forEach((index) => assertFailed(byInput.get(index), index));
			},
		},
		{
			name: 'Continue On Fail (error output): served items on output 0, failed ones on the error output, paired',
			run: () => {
				const success = byPairedIndex(outputItems(execution, errorOutput, 0));
				const failure = byPairedIndex(outputItems(execution, errorOutput, 1));
				assert.deepEqual([...success.keys()].sort(), SERVED, 'items on the success output');
				assert.deepEqual([...failure.keys()].sort(), FAILED, 'items on the error output');
				SERVED.forEach((index) => assertServed(success.get(index), index));
				FAILED.forEach((index) => assertFailed(failure.get(index), index));
			},
		},
	];
}
