import type { IExecuteFunctions } from 'n8n-workflow';

import { type RunOptions, runOptionsSchema } from './optionsSchema';
import { parseOptions } from './readOptions';

/**
 * Concurrency, Max Cost per Execution, Cost Summary Item and Stream Response govern the whole run, so they are read
 * once, from the first item, as n8n's own nodes read their batch settings; an expression in them is
 * evaluated for that item only. A bad value fails the run before any request, naming the option.
 */
export function readRunOptions(context: IExecuteFunctions): RunOptions {
	const names = Object.keys(runOptionsSchema.shape) as Array<keyof RunOptions>;
	// n8n refuses an undefined fallback; null stands for an option that is not set.
	const values = Object.fromEntries(
		names.map((name) => [name, context.getNodeParameter(`options.${name}`, 0, null) ?? undefined]),
	);
	return parseOptions(runOptionsSchema, values);
}
