import type { ChatClient } from '../core';
import { createRedactor, createStreamRedactor } from '../output/redactor';
import type { HttpOpenStream, HttpSend } from './httpExchange';

/**
 * A gateway can echo the key anywhere in its answer: an error body, a redirect's Location, a
 * header, a stream event, a model id. Scrubbed as it arrives, before anything reads it, the key
 * reaches no item, error, log line, custom data, streamed chunk or model list.
 */
export function scrubbedSend(send: HttpSend, secrets: readonly string[]): HttpSend {
	const redact = createRedactor(secrets);
	return async (request) => {
		const response = await send(request);
		let headers: Headers | undefined;
		return {
			status: response.status,
			// Made only when read, as n8nSend makes them: only an error status reads them.
			get headers() {
				return (headers ??= scrubbedHeaders(response.headers, redact));
			},
			body: redact(response.body),
		};
	};
}

export function scrubbedOpenStream(
	open: HttpOpenStream,
	secrets: readonly string[],
): HttpOpenStream {
	const redact = createRedactor(secrets);
	return async (request) => {
		const response = await open(request);
		let headers: Headers | undefined;
		return {
			status: response.status,
			get headers() {
				return (headers ??= scrubbedHeaders(response.headers, redact));
			},
			body: scrubbedChunks(response.body, secrets),
		};
	};
}

/** Streamed text deltas, a key split between two of them included. */
export function scrubbedDeltas(
	stream: NonNullable<ChatClient['stream']>,
	secrets: readonly string[],
): NonNullable<ChatClient['stream']> {
	return async (request, options, onDelta) => {
		const text = createStreamRedactor(secrets);
		const completion = await stream(request, options, (delta) => {
			if (delta.type !== 'text') return onDelta(delta);
			const safe = text.push(delta.text);
			if (safe) onDelta({ ...delta, text: safe });
		});
		const rest = text.flush();
		if (rest) onDelta({ type: 'text', text: rest });
		return completion;
	};
}

async function* scrubbedChunks(
	body: AsyncIterable<Uint8Array | string>,
	secrets: readonly string[],
): AsyncGenerator<string> {
	const decoder = new TextDecoder();
	const text = createStreamRedactor(secrets);
	for await (const chunk of body) {
		const safe = text.push(
			typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }),
		);
		if (safe) yield safe;
	}
	const rest = text.push(decoder.decode()) + text.flush();
	if (rest) yield rest;
}

function scrubbedHeaders(headers: Headers, redact: (text: string) => string): Headers {
	const scrubbed = new Headers();
	for (const [name, value] of headers) scrubbed.append(name, redact(value));
	return scrubbed;
}
