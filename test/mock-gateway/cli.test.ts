import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Runs the CLI as `npm run mock` does, and resolves with its first stdout line. */
async function startCli(args: string[]): Promise<{ cli: ChildProcess; firstLine: string }> {
	const cli = spawn(
		process.execPath,
		[
			require.resolve('ts-node/dist/bin.js'),
			'--transpile-only',
			'test/mock-gateway/cli.ts',
			...args,
		],
		{ cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
	);
	let output = '';
	for await (const chunk of cli.stdout!) {
		output += String(chunk);
		if (output.includes('\n')) break;
	}
	return { cli, firstLine: output.split('\n')[0] };
}

describe('npm run mock', () => {
	it('serves the demo scenario until SIGTERM', async () => {
		const { cli, firstLine } = await startCli(['--port', '0', '--api-key', 'sk-or-cli']);
		try {
			const match =
				/^mock gateway listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v1) \(api key: sk-or-cli\)$/.exec(
					firstLine,
				);
			expect(match).not.toBeNull();
			const models = await (await fetch(`${match![1]}/models`)).json();
			expect(models.data.map((model: { id: string }) => model.id)).toContain(
				'openai/gpt-4o-2024-08-06',
			);
		} finally {
			const exited = cli.exitCode === null ? once(cli, 'exit') : Promise.resolve([cli.exitCode]);
			cli.kill('SIGTERM');
			expect((await exited)[0]).toBe(0);
		}
	});
});
