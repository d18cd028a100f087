import assert from 'node:assert/strict';

import {
	type Execution,
	failureMessage,
	type Json,
	outputItems,
	succeeded,
} from '../../scripts/n8n/execution';
import type { Check } from './check';

const NODE = 'Describe the image';
const TEXT_ONLY = 'meta-llama/llama-3.1-8b-instruct';
const VISION = 'openai/gpt-4o-mini';
/** The mock counts 1,000 prompt tokens for an image (test/mock-gateway/mediaParts.ts). */
const MOCK_IMAGE_TOKENS = 1_000;

/**
 * test/e2e/attachment.json: Convert to File turns a base64 PNG into binary data `photo`, and Routed
 * Chat sends it (Attachments: photo) pinned to a text-only model with a vision model as fallback.
 */
export function attachmentChecks(execution: Execution): Check[] {
	const served = () => {
		assert.ok(succeeded(execution), failureMessage(execution));
		const items = outputItems(execution, NODE);
		assert.equal(items.length, 1, 'one output item');
		return items[0].json;
	};
	return [
		{
			name: 'Attachments: a PNG from Convert to File skips the text-only model (skipped: modality) and is served by the vision model',
			run: () => {
				const json = served();
				assert.equal(json.model, VISION);
				const attempts = json.attempts as Json[];
				assert.deepEqual(
					attempts.map((attempt) => [attempt.model, attempt.outcome, attempt.skipped]),
					[
						[TEXT_ONLY, 'skipped', 'modality'],
						[VISION, 'success', undefined],
					],
				);
			},
		},
		{
			name: 'Attachments: the image reached the gateway as an image part (its tokens are counted)',
			run: () => {
				const usage = served().usage as Json;
				assert.ok(
					Number(usage.promptTokens) > MOCK_IMAGE_TOKENS,
					`prompt tokens ${String(usage.promptTokens)} include the image's ${MOCK_IMAGE_TOKENS}`,
				);
			},
		},
	];
}
