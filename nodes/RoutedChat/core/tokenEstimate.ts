import type { ChatMessage, MediaPart, ToolDefinition } from './types';

/**
 * What one image costs in prompt tokens, at most, on the providers OpenRouter reaches: Anthropic
 * counts width × height / 750 up to about 1,600 for a 1.15-megapixel image; OpenAI's high detail
 * is 765 for 1024 × 1024.
 */
const IMAGE_TOKENS = 1_600;
/** A PDF page as text and as a page image, at the dense end (Anthropic: 1,500 to 3,000 a page). */
const PDF_PAGE_TOKENS = 3_000;
/** For a PDF whose pages could not be counted: one page per started 100 KB of file. */
const BYTES_PER_UNCOUNTED_PAGE = 100_000;

/** A rough token count (about four characters a token), for budgets and routing rules before a call. */
export function estimateTokens(text: string): number {
	return Math.ceil(text.length / 4);
}

/**
 * The prompt's tokens: every message's text, tool calls, images and PDF pages, and the offered
 * tools, which go with the prompt and are billed as prompt tokens (counted as they are sent, in
 * OpenAI's format). Text at four characters a token; a fixed figure per image and per PDF page.
 */
export function estimatePromptTokens(
	messages: readonly ChatMessage[],
	tools: readonly ToolDefinition[] = [],
): number {
	const prompt = messages.reduce((sum, message) => sum + messageTokens(message), 0);
	return tools.length
		? prompt +
				estimateTokens(JSON.stringify(tools.map((tool) => ({ type: 'function', function: tool }))))
		: prompt;
}

function messageTokens(message: ChatMessage): number {
	const text = estimateTokens(message.content);
	const calls = message.toolCalls?.length ? estimateTokens(JSON.stringify(message.toolCalls)) : 0;
	const media = (message.parts ?? []).reduce(
		(sum, part) => sum + (part.type === 'text' ? 0 : mediaTokens(part)),
		0,
	);
	return text + calls + media;
}

/**
 * A PDF the gateway fetches by URL has no size to go by: its tokens are unbounded here, and a
 * budget's worst case bounds the prompt by the model's context length instead.
 */
function mediaTokens(part: MediaPart): number {
	if (part.type === 'image') return IMAGE_TOKENS;
	if (part.pages === undefined && !part.url.startsWith('data:')) return Infinity;
	const pages =
		part.pages ?? Math.max(1, Math.ceil(dataUrlBytes(part.url) / BYTES_PER_UNCOUNTED_PAGE));
	return pages * PDF_PAGE_TOKENS;
}

/** The decoded size of a base64 `data:` URL; 0 for a URL the gateway fetches. */
export function dataUrlBytes(url: string): number {
	if (!url.startsWith('data:')) return 0;
	const comma = url.indexOf(',');
	const base64 = url.length - comma - 1;
	const padding = url.endsWith('==') ? 2 : url.endsWith('=') ? 1 : 0;
	return Math.floor((base64 * 3) / 4) - padding;
}
