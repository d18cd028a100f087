import { parseArgs } from 'node:util';
import { scenarios } from './scenarios';
import { startMockGateway } from './server';

/** `npm run mock -- [--port 8787] [--scenario demo] [--api-key KEY] [--strict]`: serves a scenario until stopped; `--strict` answers as a strict OpenAI-compatible server. */
async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			port: { type: 'string', default: '8787' },
			scenario: { type: 'string', default: 'demo' },
			'api-key': { type: 'string' },
			strict: { type: 'boolean', default: false },
		},
	});
	const models = Object.hasOwn(scenarios, values.scenario) ? scenarios[values.scenario] : undefined;
	if (!models) {
		throw new Error(
			`Unknown scenario '${values.scenario}'; known: ${Object.keys(scenarios).join(', ')}`,
		);
	}
	const port = Number(values.port);
	if (!Number.isInteger(port) || port < 0 || port > 65_535)
		throw new Error(`Invalid port '${values.port}'`);

	const gateway = await startMockGateway({
		models,
		port,
		apiKey: values['api-key'],
		strict: values.strict,
	});
	console.log(`mock gateway listening on ${gateway.baseUrl} (api key: ${gateway.apiKey})`);
	if (values.strict)
		console.log('strict OpenAI-compatible: unknown request fields get 400, no GET /key');
	const stop = () => void gateway.close().then(() => process.exit(0));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
