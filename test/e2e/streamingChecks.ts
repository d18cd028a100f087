import assert from 'node:assert/strict';

import type { Check } from './check';
import {
	BACKUP,
	DOWN,
	PACED,
	PACED_REPLY,
	type ResponseChunk,
	type StreamingRun,
} from './streamingRun';

const NODE = 'Routed Chat';

/** The chunk types Routed Chat sent for item 0, and the text of its `item` chunks joined. */
function itemStream(chunks: ResponseChunk[]): { types: string[]; text: string } {
	const ours = chunks.filter(
		(chunk) => chunk.metadata?.nodeName === NODE && chunk.metadata.itemIndex === 0,
	);
	return {
		types: ours.map((chunk) => chunk.type),
		text: ours
			.filter((chunk) => chunk.type === 'item')
			.map((chunk) => chunk.content)
			.join(''),
	};
}

/** Webhook (Respond: Streaming) → Routed Chat in n8n 2.41.1, read over HTTP as a client reads it. */
export function streamingChecks(run: StreamingRun): Check[] {
	return [
		{
			name: 'streaming webhook: Routed Chat streams begin, its answer as item chunks, then end',
			run: () => {
				const { types, text } = itemStream(run.paced.chunks);
				assert.deepEqual(types, [
					'begin',
					...Array<string>(PACED_REPLY.split(' ').length).fill('item'),
					'end',
				]);
				assert.equal(text, PACED_REPLY);
			},
		},
		{
			name: `streaming webhook: the first token reached the client while ${PACED} still held the rest of its answer`,
			run: () => {
				// The mock writes word 1 only after the client saw word 0: held at 1 of the answer's words.
				assert.equal(run.paced.heldAtFirstItem, 1);
			},
		},
		{
			name: `streaming webhook: ${DOWN} answers 503 before any token, the fallback ${BACKUP} streams the answer`,
			run: () => {
				assert.deepEqual(run.fallback.requestedModels, [[DOWN], [BACKUP]]);
				const { types, text } = itemStream(run.fallback.chunks);
				assert.equal(types[0], 'begin');
				assert.equal(types.at(-1), 'end');
				assert.ok(types.filter((type) => type === 'item').length > 1, 'more than one item chunk');
				assert.equal(text, `${BACKUP} answered: Fall back please`);
			},
		},
	];
}
