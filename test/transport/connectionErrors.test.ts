import { GatewayError } from '../../nodes/RoutedChat/core';
import type { HttpSend } from '../../nodes/RoutedChat/transport/httpExchange';
import { completionError } from './completionError';

/** An error chain as n8n's helper hands it on: its wrapper, axios's error, the socket's error. */
function wrapped(axiosCode: string, socket?: { code: string; message: string }): Error {
	const cause = socket && Object.assign(new Error(socket.message), { code: socket.code });
	const axios = Object.assign(new Error('stream has been aborted', { cause }), { code: axiosCode });
	return new Error('NodeApiError', { cause: axios });
}

async function connectionMessage(failure: Error): Promise<string> {
	const send: HttpSend = async () => await Promise.reject(failure);
	const error = await completionError(send);
	expect(error).toBeInstanceOf(GatewayError);
	expect((error as GatewayError).kind).toBe('connection');
	return (error as GatewayError).message;
}

describe('a request that gets no response', () => {
	it.each([
		['a refused connection', { code: 'ECONNREFUSED', message: 'connect refused' }, 'ECONNREFUSED'],
		[
			'a DNS lookup that failed for now',
			{ code: 'EAI_AGAIN', message: 'getaddrinfo' },
			'EAI_AGAIN',
		],
	])('names the socket error code of %s, not the wrapper code', async (_, socket, code) => {
		expect(await connectionMessage(wrapped('ERR_BAD_RESPONSE', socket))).toBe(
			`Connection failed: ${code}`,
		);
	});

	it('gives the innermost message when no socket error code is in the chain', async () => {
		expect(await connectionMessage(wrapped('ERR_BAD_RESPONSE'))).toBe(
			'Connection failed: stream has been aborted',
		);
	});
});
