import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

import { type Finished, runChild, spawnChild, stopChild } from '../n8n/children';
import { freePort } from '../n8n/freePort';
import { waitUntil } from './waitUntil';

/** A throwaway server on loopback: its port, and how to stop it and delete its data. */
export interface Service {
	port: number;
	stop(): Promise<void>;
}

/** PostgreSQL refuses to run as root; as root, its commands run as Debian's `postgres` user. */
const AS_ROOT = userInfo().uid === 0;
const POSTGRES_USER = 'postgres';

function postgresBin(name: string): string {
	const dir = process.env.POSTGRES_BIN_DIR;
	if (!dir) throw new Error('POSTGRES_BIN_DIR is not set: run through scripts/queue.sh');
	return join(dir, name);
}

function asPostgres(command: string, args: string[]): [string, string[]] {
	return AS_ROOT ? ['runuser', ['-u', POSTGRES_USER, '--', command, ...args]] : [command, args];
}

async function succeed(command: string, args: string[], what: string): Promise<Finished> {
	const finished = await runChild(command, args, { timeoutMs: 60_000 });
	if (finished.code !== 0)
		throw new Error(`${what} failed:\n${finished.stderr || finished.stdout}`);
	return finished;
}

async function throwawayDir(label: string): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), `routed-chat-queue-${label}-`));
	if (AS_ROOT && label === 'postgres') {
		const { uid, gid } = await postgresIds();
		await chown(dir, uid, gid);
	}
	return dir;
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
	const [uid, gid] = await Promise.all(
		['-u', '-g'].map(async (flag) =>
			Number((await succeed('id', [flag, POSTGRES_USER], `id ${flag} postgres`)).stdout.trim()),
		),
	);
	return { uid, gid };
}

/**
 * PostgreSQL from Debian's packages: a fresh cluster in a temporary folder,
 * listening on 127.0.0.1 only, trusting local connections, without fsync (the
 * data is deleted at the end). Holds one database, `n8n`.
 */
export async function startPostgres(): Promise<Service & { database: string; user: string }> {
	const dataDir = await throwawayDir('postgres');
	const port = await freePort();
	await succeed(
		...asPostgres(postgresBin('initdb'), [
			'-D',
			dataDir,
			'-U',
			POSTGRES_USER,
			'--auth=trust',
			'--encoding=UTF8',
			'--no-sync',
		]),
		'initdb',
	);
	const server = spawnChild(
		...asPostgres(postgresBin('postgres'), [
			'-D',
			dataDir,
			'-p',
			String(port),
			'-k',
			dataDir,
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
		]),
	);
	const stop = async () => {
		await stopChild(server, 10_000);
		await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
	};
	try {
		await waitUntil(
			'PostgreSQL accepts connections',
			async () =>
				(
					await runChild(postgresBin('pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], {
						timeoutMs: 5000,
					})
				).code === 0,
			() => server.exitCode !== null,
		);
		await succeed(
			postgresBin('createdb'),
			['-h', '127.0.0.1', '-p', String(port), '-U', POSTGRES_USER, 'n8n'],
			'createdb n8n',
		);
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, database: 'n8n', user: POSTGRES_USER, stop };
}

/** Redis from Debian's packages, on 127.0.0.1, nothing persisted. */
export async function startRedis(): Promise<Service> {
	const dir = await throwawayDir('redis');
	const port = await freePort();
	const server = spawnChild('redis-server', [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		dir,
	]);
	const stop = async () => {
		await stopChild(server);
		await rm(dir, { recursive: true, force: true, maxRetries: 3 });
	};
	try {
		await waitUntil(
			'Redis answers PING',
			async () =>
				(
					await runChild('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'], {
						timeoutMs: 5000,
					})
				).stdout.trim() === 'PONG',
			() => server.exitCode !== null,
		);
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, stop };
}

/** One SQL query through psql, its rows as lines of unaligned text. */
export async function psql(
	postgres: { port: number; database: string; user: string },
	sql: string,
): Promise<string[]> {
	const finished = await succeed(
		postgresBin('psql'),
		[
			'-h',
			'127.0.0.1',
			'-p',
			String(postgres.port),
			'-U',
			postgres.user,
			'-d',
			postgres.database,
			'-v',
			'ON_ERROR_STOP=1',
			'-At',
			'-c',
			sql,
		],
		'psql',
	);
	return finished.stdout.split('\n').filter((line) => line.length > 0);
}
