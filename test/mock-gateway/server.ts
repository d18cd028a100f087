import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleChatCompletions } from './chatCompletions';
import type { GatewayState } from './gatewayState';
import { handleGeneration } from './generation';
import { flatHeaders, readJsonBody, sendError, type Exchange } from './http';
import { handleKey } from './key';
import { ModelScripts } from './modelScripts';
import { handleModels } from './models';
import { OPENROUTER_ONLY_ROUTES } from './strictServer';
import type { MockGateway, MockGatewayOptions, RecordedRequest } from './types';

export const DEFAULT_API_KEY = 'sk-or-test-key';

type Handler = (state: GatewayState, exchange: Exchange) => void | Promise<void>;

const ROUTES: Record<string, Handler> = {
	'POST /chat/completions': handleChatCompletions,
	'GET /models': handleModels,
	'GET /key': handleKey,
	'GET /generation': handleGeneration,
};

/** Starts an OpenRouter look-alike on loopback, answering as the models are scripted. */
export async function startMockGateway(options: MockGatewayOptions): Promise<MockGateway> {
	const host = options.host ?? '127.0.0.1';
	const basePath = options.strict ? '/v1' : '/api/v1';
	const requests: RecordedRequest[] = [];
	const state: GatewayState = {
		apiKey: options.apiKey ?? DEFAULT_API_KEY,
		strict: options.strict ?? false,
		scripts: new ModelScripts([...options.models]),
		spent: 0n,
		generations: 0,
		promptCache: new Set(),
		served: new Map(),
		onHang: options.onHang,
	};
	let openRequests = 0;
	const server = createServer((req, res) => {
		openRequests += 1;
		// Emitted once the answer is complete or the client closed the connection.
		res.once('close', () => (openRequests -= 1));
		serve(state, requests, basePath, req, res).catch((error: unknown) => {
			if (res.headersSent) res.destroy();
			else sendError(res, 500, `Mock gateway failed: ${String(error)}`);
		});
	});
	await listen(server, options.port ?? 0, host);
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}${basePath}`,
		apiKey: state.apiKey,
		requests,
		setModel: (model) => state.scripts.set(model),
		openRequests: () => openRequests,
		reset: () => {
			requests.length = 0;
			state.scripts.reset();
			state.spent = 0n;
			state.promptCache.clear();
			state.served.clear();
		},
		close: () => close(server),
	};
}

async function serve(
	state: GatewayState,
	requests: RecordedRequest[],
	basePath: string,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<void> {
	const { pathname } = new URL(req.url ?? '/', 'http://mock-gateway');
	const routePath = pathname.startsWith(`${basePath}/`)
		? pathname.slice(basePath.length)
		: undefined;
	const recorded: RecordedRequest = {
		method: req.method ?? 'GET',
		path: routePath ?? pathname,
		headers: flatHeaders(req),
		body: await readJsonBody(req),
	};
	requests.push(recorded);
	const route = `${recorded.method} ${routePath}`;
	const served = routePath !== undefined && !(state.strict && OPENROUTER_ONLY_ROUTES.has(route));
	const handler = served ? ROUTES[route] : undefined;
	if (!handler) return sendError(res, 404, 'Not Found');
	await handler(state, { req, res, recorded });
}

function listen(server: Server, port: number, host: string): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
}

function close(server: Server): Promise<void> {
	return new Promise((resolve, reject) => {
		server.close((error) => (error ? reject(error) : resolve()));
		// Hanging answers never finish by themselves.
		server.closeAllConnections();
	});
}
