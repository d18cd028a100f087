import type { MockModel } from '../types';
import { demoModels } from './demo';
import { queueModels } from './queue';

/** Named model catalogues, for the CLI, the demo and end-to-end tests. */
export const scenarios: Record<string, MockModel[]> = {
	demo: demoModels,
	queue: queueModels,
};
