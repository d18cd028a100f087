import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

import { routeChat } from '../../nodes/RoutedChat/core';
import { FAST_MODEL } from '../support/benchModels';
import { bareChat, routedClient } from '../support/clients';
import { startBenchGateway } from '../support/mockGateway';
import { benchPlan } from '../support/plan';
import { realClock } from '../support/realClock';

/**
 * `coreLoop.ts <route|raw> <calls> <out.cpuprofile>`: one side of the
 * core-overhead row, profiled after a warm-up so the profile is the steady
 * state only (the mock runs in its own process and is not in it).
 */
async function main(): Promise<void> {
	const [side = 'route', count = '3000', out = `bench/results/${side}.cpuprofile`] =
		process.argv.slice(2);
	const gateway = await startBenchGateway();
	const client = routedClient(gateway);
	const plan = benchPlan([FAST_MODEL]);
	const call =
		side === 'raw'
			? bareChat(gateway, FAST_MODEL)
			: () => routeChat(plan, { client, clock: realClock });

	for (let i = 0; i < 300; i++) await call();
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.setSamplingInterval', { interval: 100 });
	await session.post('Profiler.start');
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	for (let i = 0; i < Number(count); i++) await call();
	const wallMs = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	const { profile } = await session.post('Profiler.stop');
	await writeFile(out, JSON.stringify(profile));
	session.disconnect();
	const perCall = (micros: number) => (micros / Number(count)).toFixed(1);
	process.stdout.write(
		`${side}: ${count} calls, wall ${((wallMs * 1000) / Number(count)).toFixed(1)} µs/call, CPU ${perCall(cpu.user + cpu.system)} µs/call (user ${perCall(cpu.user)}); profile: ${out}\n`,
	);
	await gateway.stop();
}

void main();
