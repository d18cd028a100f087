import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tsParser from '@typescript-eslint/parser';
import n8nNodesPlugin from 'eslint-plugin-n8n-nodes-base';
import { defineConfig } from 'eslint/config';

/**
 * The config n8n's verification scanner (@n8n/scan-community-package 0.32,
 * `buildScanConfig` in scanner/scanner.mjs) lints a package with, rule for rule.
 * It has no `files` of its own: the scanner applies it to the attested source
 * (package.json, nodes/, credentials/) and to every .js file of the tarball.
 */
export function scanConfig() {
	return defineConfig(
		n8nCommunityNodesPlugin.configs.recommended,
		{ rules: { 'no-console': 'error' } },
		{ plugins: { 'n8n-nodes-base': n8nNodesPlugin } },
		{
			files: ['package.json'],
			rules: { ...n8nNodesPlugin.configs.community.rules },
		},
		{
			files: ['**/credentials/**/*.ts'],
			rules: {
				...n8nNodesPlugin.configs.credentials.rules,
				'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
				'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
			},
		},
		{
			files: ['**/nodes/**/*.ts'],
			rules: {
				...n8nNodesPlugin.configs.nodes.rules,
				'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
				'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
				'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
			},
		},
		{ files: ['**/*.json'], languageOptions: { parser: tsParser } },
		{ files: ['**/*.ts'], languageOptions: { parser: tsParser } },
	);
}

/** The scanner's source leg (SOURCE_FILE_PATTERNS): what ships, never tests or tooling. */
export const SOURCE_FILES = ['package.json', '{nodes,credentials}/**/*.{js,ts,json}'];

export default defineConfig(
	{ ignores: ['dist/**', 'coverage/**'] },
	{ files: SOURCE_FILES, extends: [scanConfig()] },
);
