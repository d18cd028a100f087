import type { CacheMark, ChatMessage } from '../core';
import type { NodeOptions } from './optionsSchema';
import { ParameterError } from './parameterError';

/** Cache Control: marks the system message, or the message at an index, as the end of the cached prefix. */
export function markCacheControl(messages: ChatMessage[], options: NodeOptions): ChatMessage[] {
	if (!options.cacheControl) return messages;
	const index =
		options.cacheControl === 'system' ? systemIndex(messages) : messageIndex(messages, options);
	const mark: CacheMark = options.cacheTtl === '1h' ? { ttl: '1h' } : {};
	return messages.map((message, at) => (at === index ? { ...message, cache: mark } : message));
}

function systemIndex(messages: ChatMessage[]): number {
	const index = messages.findIndex((message) => message.role === 'system');
	if (index === -1)
		throw new ParameterError(
			'options.cacheControl',
			'Cache Control is set to the system message, but the request has none',
			'Add a System Message, or mark a message by its index',
		);
	return index;
}

function messageIndex(messages: ChatMessage[], options: NodeOptions): number {
	const index = options.cacheMessageIndex;
	if (index === undefined)
		throw new ParameterError(
			'options.cacheMessageIndex',
			'Cache Control is set to a message index, but Cache Message Index is not set',
			'Set Cache Message Index (0 is the first message)',
		);
	if (index >= messages.length)
		throw new ParameterError(
			'options.cacheMessageIndex',
			`Cache Message Index is ${index}, but the request has ${messages.length} message${messages.length === 1 ? '' : 's'} (0 is the first)`,
		);
	return index;
}
