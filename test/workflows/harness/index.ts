export { connect } from './connect';
export { runListSearch } from './runListSearch';
export { runWorkflow } from './runWorkflow';
export { testCredential } from './testCredential';
export type {
	CredentialTestResult,
	HarnessCredentials,
	RunError,
	RunOptions,
	WorkflowDefinition,
	WorkflowRun,
} from './types';
