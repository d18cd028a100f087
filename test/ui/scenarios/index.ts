import type { Scenario } from '../scenario';
import { addFromNodePanel } from './addFromNodePanel';
import { agentChatModel } from './agentChatModel';
import { cascadeMinConfidence } from './cascadeChecks';
import { credentialTest } from './credentialTest';
import { darkTheme } from './darkTheme';
import { executeDemo } from './executeDemo';
import { fieldsPerRouting, modelListRows } from './fieldsPerRouting';
import { attachmentsAndToolOptions } from './attachmentsAndToolOptions';
import { modelList } from './modelList';
import { optionsThatApply } from './options';
import { rulesMode } from './rulesMode';

/** In order: the credential scenario adds and deletes a credential, so it runs after the others add nodes. */
export const scenarios: Scenario[] = [
	addFromNodePanel,
	fieldsPerRouting,
	modelListRows,
	rulesMode,
	cascadeMinConfidence,
	optionsThatApply,
	attachmentsAndToolOptions,
	modelList,
	executeDemo,
	darkTheme,
	credentialTest,
	agentChatModel,
];
