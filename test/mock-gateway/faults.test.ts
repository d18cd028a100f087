import timersPromises from 'node:timers/promises';

import { waitForChatRequests, waitForRequestsClosed } from './receivedRequests';
import { startMockGateway } from './server';
import { chatRequest, cheapModel, postChat } from './testClient';
import type { Fault, MockGateway } from './types';

/**
 * A fake clock for the gateway's scripted latency (node:timers/promises' setTimeout): every wait
 * is held until `elapse()`, and, as Node's own, ends at once when its signal aborts. A test then
 * sees what the gateway does once the latency would have run out, without waiting for it.
 */
function holdLatencies(): { elapse(): void } {
	const due: Array<() => void> = [];
	jest.spyOn(timersPromises, 'setTimeout').mockImplementation(
		(_ms?: number, value?: unknown, options?: { signal?: AbortSignal }) =>
			new Promise((resolve, reject) => {
				const signal = options?.signal;
				if (signal?.aborted) return reject(signal.reason);
				signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
				due.push(() => resolve(value));
			}),
	);
	return { elapse: () => due.splice(0).forEach((end) => end()) };
}

describe('scripted faults', () => {
	let gateway: MockGateway;

	beforeAll(async () => {
		gateway = await startMockGateway({ models: [cheapModel('mistralai/mistral-small-3.2')] });
	});
	afterAll(() => gateway.close());
	beforeEach(() => gateway.reset());
	afterEach(() => jest.restoreAllMocks());

	function failOnce(fault: Fault): void {
		gateway.setModel(cheapModel('mistralai/mistral-small-3.2', { faults: [fault] }));
	}

	it.each(['7', 'Wed, 21 Oct 2026 07:28:00 GMT'])(
		'sends Retry-After as given (%s)',
		async (retryAfter) => {
			failOnce({ status: 429, retryAfter, message: 'Rate limit exceeded' });
			const response = await postChat(gateway, chatRequest('mistralai/mistral-small-3.2'));

			expect(response.status).toBe(429);
			expect(response.headers.get('retry-after')).toBe(retryAfter);
			expect(await response.json()).toEqual({
				error: { code: 429, message: 'Rate limit exceeded' },
			});
		},
	);

	it('sends no Retry-After unless scripted', async () => {
		failOnce({ status: 500 });
		const response = await postChat(gateway, chatRequest('mistralai/mistral-small-3.2'));

		expect(response.headers.get('retry-after')).toBeNull();
		expect(await response.json()).toEqual({
			error: { code: 500, message: 'Internal Server Error' },
		});
	});

	it('hang: never answers until the client aborts', async () => {
		const latency = holdLatencies();
		failOnce({ kind: 'hang' });
		const abort = new AbortController();
		const pending = postChat(gateway, chatRequest('mistralai/mistral-small-3.2'), {
			signal: abort.signal,
		});
		await waitForChatRequests(gateway, 1);
		latency.elapse();
		await new Promise((resolve) => setImmediate(resolve));
		expect(gateway.requests[0].chat?.served).toBe('mistralai/mistral-small-3.2');
		expect(gateway.openRequests()).toBe(1);
		abort.abort();

		await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
		await waitForRequestsClosed(gateway);
	});

	it('a client abort ends the scripted latency: the model never serves that request', async () => {
		const latency = holdLatencies();
		gateway.setModel(cheapModel('mistralai/mistral-small-3.2', { latencyMs: 10_000 }));
		const abort = new AbortController();
		const pending = postChat(gateway, chatRequest('mistralai/mistral-small-3.2'), {
			signal: abort.signal,
		});
		await waitForChatRequests(gateway, 1);
		abort.abort();
		await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
		await waitForRequestsClosed(gateway);

		latency.elapse();
		await new Promise((resolve) => setImmediate(resolve));
		expect(gateway.requests[0].chat).toEqual({
			tried: ['mistralai/mistral-small-3.2'],
			served: null,
		});
	});

	it('reset: status 200, then the connection drops mid-body', async () => {
		failOnce({ kind: 'reset' });
		const response = await postChat(gateway, chatRequest('mistralai/mistral-small-3.2'));

		expect(response.status).toBe(200);
		await expect(response.text()).rejects.toThrow();
	});

	it('malformed: 200 with a body that is not JSON', async () => {
		failOnce({ kind: 'malformed' });
		const response = await postChat(gateway, chatRequest('mistralai/mistral-small-3.2'));

		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json');
		// The SyntaxError comes from another realm (undici's), so match it by name.
		await expect(response.json()).rejects.toMatchObject({ name: 'SyntaxError' });
	});

	it('empty-choices: 200 with no choice', async () => {
		failOnce({ kind: 'empty-choices' });
		const body = await (await postChat(gateway, chatRequest('mistralai/mistral-small-3.2'))).json();

		expect(body.choices).toEqual([]);
		expect(body.model).toBe('mistralai/mistral-small-3.2');
	});

	it('error-in-200: 200 whose body is an error', async () => {
		failOnce({ kind: 'error-in-200', code: 502, message: 'Upstream error from Mistral' });
		const response = await postChat(gateway, chatRequest('mistralai/mistral-small-3.2'));

		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({
			error: { code: 502, message: 'Upstream error from Mistral' },
		});
	});

	it('a 200 fault reaches the client even when a fallback is listed', async () => {
		gateway.setModel(cheapModel('google/gemini-2.5-flash'));
		failOnce({ kind: 'error-in-200' });
		const response = await postChat(
			gateway,
			chatRequest(['mistralai/mistral-small-3.2', 'google/gemini-2.5-flash']),
		);

		expect((await response.json()).error.code).toBe(502);
		expect(gateway.requests[0].chat?.tried).toEqual(['mistralai/mistral-small-3.2']);
	});

	it('close() ends hanging requests', async () => {
		const hanging = await startMockGateway({
			models: [cheapModel('x/hang', { down: { kind: 'hang' } })],
		});
		const pending = postChat(hanging, chatRequest('x/hang'));
		await waitForChatRequests(hanging, 1);

		await hanging.close();
		await expect(pending).rejects.toThrow();
	});
});
