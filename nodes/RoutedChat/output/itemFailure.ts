import {
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type JsonObject,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { type Attempt, RouteError } from '../core';
import { ParameterError } from '../plan/parameterError';
import type { Redactor } from './redactor';

/** One line per attempt, so an error says what was tried without opening the output. */
export function describeAttempts(attempts: readonly Attempt[]): string {
	return attempts
		.map((attempt, index) => {
			const what =
				attempt.outcome === 'skipped'
					? `skipped: ${attempt.skipped}`
					: attempt.outcome === 'success'
						? 'served'
						: attempt.error;
			const status = attempt.status ? ` [${attempt.status}]` : '';
			return `${index + 1}. ${attempt.model}${status}: ${what}`;
		})
		.join('\n');
}

/** The error n8n shows when an item fails and Continue On Fail is off. */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
	redact: Redactor,
): NodeApiError | NodeOperationError {
	if (error instanceof RouteError) {
		const message = redact(error.message);
		const itemMessage = `Item ${itemIndex}: ${message}`;
		return keepMessage(
			new NodeApiError(node, { message, reason: error.reason } as JsonObject, {
				itemIndex,
				message: itemMessage,
				description: redact(`Attempts:\n${describeAttempts(error.attempts)}`),
				httpCode: error.status ? String(error.status) : undefined,
			}),
			itemMessage,
		);
	}
	if (error instanceof ParameterError) {
		const message = redact(`Item ${itemIndex}: ${error.parameter}: ${error.message}`);
		return keepMessage(
			new NodeOperationError(node, message, { itemIndex, description: error.hint }),
			message,
		);
	}
	const cause = error instanceof Error ? error.message : String(error);
	const message = redact(`Item ${itemIndex}: ${cause}`);
	return keepMessage(new NodeOperationError(node, message, { itemIndex }), message);
}

/**
 * n8n's error classes replace a message that mentions a system error code (ECONNRESET, ENOTFOUND…)
 * with a generic sentence; ours already names the item, the cause and the code.
 */
function keepMessage<E extends NodeApiError | NodeOperationError>(error: E, message: string): E {
	error.message = message;
	return error;
}

/** The fields of a failed item: what went wrong and every attempt. */
function failureJson(error: unknown, itemIndex: number, redact: Redactor): IDataObject {
	return redact(failureFields(error, itemIndex));
}

function failureFields(error: unknown, itemIndex: number): IDataObject {
	if (error instanceof RouteError) {
		return {
			error: `Item ${itemIndex}: ${error.message}`,
			reason: error.reason,
			attempts: error.attempts as unknown as IDataObject[],
		};
	}
	if (error instanceof ParameterError) {
		return {
			error: `Item ${itemIndex}: ${error.parameter}: ${error.message}`,
			hint: error.hint ?? null,
			attempts: [],
		};
	}
	return {
		error: `Item ${itemIndex}: ${error instanceof Error ? error.message : String(error)}`,
		attempts: [],
	};
}

/**
 * The output item of a failed request under Continue On Fail: `{error, reason, attempts}`.
 * On the error output n8n routes only items whose fields are `error`, `message` and
 * `details` (and adds the input item's fields), so there the rest goes under `details`.
 */
export function failedItem(
	node: INode,
	error: unknown,
	itemIndex: number,
	redact: Redactor,
): INodeExecutionData {
	const { error: message, ...details } = failureJson(error, itemIndex, redact);
	const json =
		node.onError === 'continueErrorOutput'
			? { error: message, details }
			: { error: message, ...details };
	return { json, pairedItem: { item: itemIndex } };
}
