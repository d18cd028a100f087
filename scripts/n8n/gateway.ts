import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';

import { spawnChild, stopChild } from './children';
import { freePort } from './freePort';

/** Where the credential points: the loopback mock, or OpenRouter itself. */
export interface Gateway {
	baseUrl: string;
	apiKey: string;
	isMock: boolean;
	stop(): Promise<void>;
}

export const OPENROUTER_BASE_URL = 'https://openrouter.ai/api/v1';

const LISTENING = /mock gateway listening on (\S+) \(api key: ([^)\s]+)\)/;

/** `npm run mock`, on a free loopback port, with a key made up for this run. */
export async function startMockGateway(scenario: string, repoRoot: string): Promise<Gateway> {
	const apiKey = `sk-or-mock-${randomBytes(12).toString('hex')}`;
	const port = await freePort();
	const child = spawnChild(
		'npm',
		[
			'run',
			'--silent',
			'mock',
			'--',
			'--port',
			String(port),
			'--scenario',
			scenario,
			'--api-key',
			apiKey,
		],
		{ cwd: repoRoot },
	);
	const { baseUrl } = await waitForListening(child);
	return { baseUrl, apiKey, isMock: true, stop: async () => await stopChild(child) };
}

/** OPENROUTER_BASE_URL points the demo at another OpenAI-compatible gateway (a LiteLLM proxy, say). */
export function openRouterGateway(apiKey: string, baseUrl = OPENROUTER_BASE_URL): Gateway {
	return { baseUrl: baseUrl.replace(/\/+$/, ''), apiKey, isMock: false, stop: async () => {} };
}

async function waitForListening(
	child: ChildProcess,
	timeoutMs = 30_000,
): Promise<{ baseUrl: string }> {
	let output = '';
	return await new Promise((resolve, reject) => {
		const timer = setTimeout(() => fail('did not start in time'), timeoutMs);
		const fail = (why: string) => {
			clearTimeout(timer);
			void stopChild(child);
			reject(new Error(`The mock gateway ${why}:\n${output.trim()}`));
		};
		const read = (chunk: Buffer) => {
			output += chunk.toString('utf8');
			const match = LISTENING.exec(output);
			if (!match) return;
			clearTimeout(timer);
			child.removeListener('exit', onExit);
			resolve({ baseUrl: match[1].replace(/\/+$/, '') });
		};
		const onExit = (code: number | null) => fail(`exited with ${code}`);
		child.stdout?.on('data', read);
		child.stderr?.on('data', read);
		child.once('exit', onExit);
	});
}
