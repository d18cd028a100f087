import { readFile } from 'node:fs/promises';

import { freePort } from '../../scripts/n8n/freePort';
import type { Gateway } from '../../scripts/n8n/gateway';
import { n8nOrThrow } from '../../scripts/n8n/instance';
import { progress, seconds } from '../../scripts/n8n/progress';
import { startN8nServer } from '../../scripts/n8n/server';
import type { Stage } from '../../scripts/n8n/stage';
import { stopChild } from '../../scripts/n8n/children';
import type { Workflow } from '../../scripts/n8n/workflowFile';
import type { RecordedRequest } from '../mock-gateway/types';
import { startInProcessGateway } from './inProcessGateway';

/** The credential test/e2e/streaming-webhook.json uses: the in-process gateway below. */
const STREAM_CREDENTIAL = { id: 'routedChatStream01', name: 'OpenRouter (streaming e2e mock)' };
const WEBHOOK_PATH = 'routed-chat-stream';

export const PACED = 'stream/paced';
export const DOWN = 'stream/down';
export const BACKUP = 'stream/backup';
export const PACED_REPLY = 'Each word of this answer leaves the gateway on its own.';

/** A chunk of n8n's streamed webhook response (one NDJSON line), as its HTTP client reads it. */
export interface ResponseChunk {
	type: string;
	content?: string;
	metadata?: { nodeName?: string; itemIndex?: number };
}

/**
 * The gateway the streaming workflow calls, in this process so that it can hold PACED's answer:
 * after its first word it writes nothing more until `release()`. The first word reaching the
 * webhook's reader while the rest is held shows tokens arriving before the answer ends, with no
 * clock involved.
 */
export interface StreamingGateway {
	gateway: Gateway;
	credentials: unknown[];
	requests: RecordedRequest[];
	/** The index of the content chunk PACED waits to write, or undefined when it is not waiting. */
	heldAt(): number | undefined;
	release(): void;
}

export async function startStreamingGateway(): Promise<StreamingGateway> {
	let release = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	let heldAt: number | undefined;
	const { mock, gateway, credentials } = await startInProcessGateway(
		[
			{
				id: PACED,
				pricing: { prompt: '0.000001', completion: '0.000002' },
				reply: PACED_REPLY,
				streamGate: async (index) => {
					if (index === 0) return;
					heldAt = index;
					await released;
					heldAt = undefined;
				},
			},
			{ id: DOWN, pricing: { prompt: '0.000001', completion: '0.000002' }, down: { status: 503 } },
			{ id: BACKUP, pricing: { prompt: '0.000001', completion: '0.000002' } },
		],
		STREAM_CREDENTIAL,
	);
	return {
		gateway,
		credentials,
		requests: mock.requests,
		heldAt: () => heldAt,
		release: () => release(),
	};
}

/** What the two requests to the published webhook saw. */
export interface StreamingRun {
	/** PACED: every chunk, and where its answer was held when the first `item` chunk arrived. */
	paced: { chunks: ResponseChunk[]; heldAtFirstItem: number | undefined };
	/** DOWN (503), then the node's fallback BACKUP. */
	fallback: { chunks: ResponseChunk[]; requestedModels: string[][] };
	/** n8n's log, for the key-leak check. */
	output: string;
}

/**
 * Publishes the workflow (n8n 2.x activates only published workflows; `publish:workflow` is the
 * CLI's way, taking effect at the next start), starts n8n, and POSTs to the production webhook
 * twice, reading the NDJSON n8n streams back.
 */
export async function runStreaming(
	stage: Stage,
	streaming: StreamingGateway,
	workflow: Workflow,
): Promise<StreamingRun> {
	let started = Date.now();
	await n8nOrThrow(stage.instance, ['publish:workflow', `--id=${workflow.id}`]);
	progress(`published "${workflow.name}" (${seconds(started)})`);
	started = Date.now();
	const port = await freePort();
	const server = await startN8nServer(stage.instance, ['start'], {
		env: {
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		},
		readinessUrl: `http://127.0.0.1:${port}/healthz/readiness`,
		logName: 'n8n-streaming.log',
	});
	progress(`n8n start is up on port ${port} (${seconds(started)})`);
	const url = `http://127.0.0.1:${port}/webhook/${WEBHOOK_PATH}`;
	let run: Omit<StreamingRun, 'output'>;
	try {
		started = Date.now();
		let heldAtFirstItem: number | undefined;
		const pacedChunks = await postAndRead(url, { model: PACED, text: 'Stream please' }, (chunk) => {
			if (chunk.type !== 'item' || heldAtFirstItem !== undefined) return;
			heldAtFirstItem = streaming.heldAt() ?? -1;
			streaming.release();
		}).finally(() => streaming.release());
		const before = streaming.requests.length;
		const fallbackChunks = await postAndRead(url, { model: DOWN, text: 'Fall back please' });
		progress(`read two streamed webhook responses (${seconds(started)})`);
		run = {
			paced: {
				chunks: pacedChunks,
				heldAtFirstItem,
			},
			fallback: {
				chunks: fallbackChunks,
				requestedModels: streaming.requests
					.slice(before)
					.filter((request) => request.path.endsWith('/chat/completions'))
					.map((request) => {
						const body = request.body as { model: string; models?: string[] };
						return body.models ?? [body.model];
					}),
			},
		};
	} finally {
		await stopChild(server.child);
	}
	return { ...run, output: await readFile(server.logPath, 'utf8') };
}

/**
 * POSTs and reads the response body as it arrives, one NDJSON line at a time, calling `onChunk`
 * for each before reading on. n8n registers production webhooks just after it reports ready, so a
 * 404 is asked again a few times.
 */
async function postAndRead(
	url: string,
	body: Record<string, string>,
	onChunk: (chunk: ResponseChunk) => void = () => {},
): Promise<ResponseChunk[]> {
	const response = await postWhenRegistered(url, body);
	if (!response.ok || !response.body)
		throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
	const chunks: ResponseChunk[] = [];
	const decoder = new TextDecoder();
	let pending = '';
	for await (const bytes of response.body) {
		pending += decoder.decode(bytes, { stream: true });
		const lines = pending.split('\n');
		pending = lines.pop() ?? '';
		for (const line of lines.filter((text) => text.trim())) {
			const chunk = JSON.parse(line) as ResponseChunk;
			chunks.push(chunk);
			onChunk(chunk);
		}
	}
	if (pending.trim()) chunks.push(JSON.parse(pending) as ResponseChunk);
	return chunks;
}

async function postWhenRegistered(url: string, body: Record<string, string>): Promise<Response> {
	for (let attempt = 1; ; attempt++) {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(60_000),
		});
		if (response.status !== 404 || attempt === 20) return response;
		await response.arrayBuffer();
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}
