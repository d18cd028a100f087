import { ANY_IMAGE } from './handedMedia';
import type { LangChainMessage, LangChainModel } from './langChainModel';

/**
 * n8n's AI Agent (binary passthrough) and Basic LLM Chain (image messages) send images as
 * OpenAI's `image_url` blocks and PDFs as LangChain's older `{source_type, mime_type}` file
 * blocks. The SDK reads only LangChain's standard blocks and drops `image_url` without a word, so
 * user messages are rewritten in the standard form (LangChain's own `contentBlocks`) first.
 */
export function withStandardMediaBlocks(model: LangChainModel): void {
	const generate = model._generate.bind(model);
	const stream = model._streamResponseChunks.bind(model);
	model._generate = (messages, ...rest) => generate(messages.map(standardMedia), ...rest);
	model._streamResponseChunks = (messages, ...rest) => stream(messages.map(standardMedia), ...rest);
}

function standardMedia(message: LangChainMessage): LangChainMessage {
	const { content } = message;
	if (message._getType() !== 'human' || !Array.isArray(content)) return message;
	if (content.every((block: Record<string, unknown>) => block?.type === 'text')) return message;
	const blocks = message.contentBlocks.map((block) =>
		// A standard image given only by URL carries no type; the SDK would then lose that it is one.
		block.type === 'image' && !block.mimeType ? { ...block, mimeType: ANY_IMAGE } : block,
	);
	const Message = message.constructor as new (fields: object) => LangChainMessage;
	return new Message({ content: blocks, id: message.id, name: message.name });
}
