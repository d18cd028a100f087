import type { IExecuteFunctions } from 'n8n-workflow';

import type { StreamDelta } from '../core';

/**
 * One item's answer as n8n's streaming chunks, as the AI Agent sends them: `begin`, an `item` per
 * piece of text, then `end`; or, when the item fails, an `error` with what went wrong in place of
 * `end`. Tool-call pieces are not text for the chat and are left to the output item.
 */
export interface ItemStream {
	onDelta(delta: StreamDelta): void;
	end(): void;
	fail(message: string): void;
}

export function openItemStream(context: IExecuteFunctions, itemIndex: number): ItemStream {
	context.sendChunk('begin', itemIndex);
	return {
		onDelta: (delta) => {
			if (delta.type === 'text' && delta.text) context.sendChunk('item', itemIndex, delta.text);
		},
		end: () => context.sendChunk('end', itemIndex),
		fail: (message) => context.sendChunk('error', itemIndex, message),
	};
}
