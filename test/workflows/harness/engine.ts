import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Logger } from '@n8n/backend-common';
import { InstanceSettingsConfig, SsrfProtectionConfig } from '@n8n/config';
import { Container } from '@n8n/di';
import { InstanceSettings } from 'n8n-core';
import { LoggerProxy } from 'n8n-workflow';

import { journalLogger } from './logJournal';

let prepared = false;

/**
 * n8n's instance settings read, or first write, a config file in the n8n folder. Build
 * them once in a throwaway folder, then delete it: nothing in a run reads the file again.
 */
function prepareInstanceSettings(): void {
	const n8nFolder = mkdtempSync(join(tmpdir(), 'routed-chat-harness-'));
	try {
		Container.set(
			InstanceSettingsConfig,
			Object.assign(new InstanceSettingsConfig(), {
				n8nFolder,
				userHome: n8nFolder,
				encryptionKey: 'routed-chat-harness',
				enforceSettingsFilePermissions: false,
			}),
		);
		Container.get(InstanceSettings);
	} finally {
		rmSync(n8nFolder, { recursive: true, force: true });
	}
}

/**
 * Fills n8n's DI container, once per module registry (each jest test file has its own),
 * with what the engine pulls from it: instance settings, a logger that writes to the
 * journal, and outbound HTTP without SSRF filtering so nodes can reach a loopback server.
 */
export function prepareEngine(): void {
	if (prepared) return;
	prepared = true;

	// Node contexts log through the container's Logger, the engine itself through LoggerProxy.
	Container.set(Logger, journalLogger as unknown as Logger);
	LoggerProxy.init(journalLogger);

	prepareInstanceSettings();
	Container.set(
		SsrfProtectionConfig,
		Object.assign(new SsrfProtectionConfig(), { enabled: false }),
	);
}
