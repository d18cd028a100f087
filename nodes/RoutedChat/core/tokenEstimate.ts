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

/** A message's framing in the provider's chat template (role markers), and the reply's: OpenAI counts 3 of each. */
const FRAMING_TOKENS = 4;

/**
 * The prompt's tokens: every message's text, tool calls, images and PDF pages, and the offered
 * tools, which go with the prompt and are billed as prompt tokens (counted as they are sent, in
 * OpenAI's format). Text at four characters a token; a fixed figure per image and per PDF page.
 */
export function estimatePromptTokens(
	messages: readonly ChatMessage[],
	tools: readonly ToolDefinition[] = [],
): number {
	return promptTokens(messages, tools, estimateTokens);
}

/** The most prompt tokens a provider can bill for a call, and whether they may be written to a prompt cache. */
export interface PromptBound {
	tokens: number;
	/** The longest Cache Control mark's TTL, when a message carries one: its tokens may be billed as cache writes. */
	cacheWrite?: '5m' | '1h';
}

/**
 * The most prompt tokens a provider can bill for the messages, for a cap's worst case: text at one
 * token per byte of UTF-8 (no tokenizer makes a token of less than a byte) and each message's
 * framing, images and PDF pages as estimated.
 */
export function promptTokenBound(
	messages: readonly ChatMessage[],
	tools: readonly ToolDefinition[] = [],
): PromptBound {
	const tokens = promptTokens(messages, tools, utf8Bytes) + (messages.length + 1) * FRAMING_TOKENS;
	const marks = messages.flatMap((message) => (message.cache ? [message.cache] : []));
	if (!marks.length) return { tokens };
	return { tokens, cacheWrite: marks.some((mark) => mark.ttl === '1h') ? '1h' : '5m' };
}

function promptTokens(
	messages: readonly ChatMessage[],
	tools: readonly ToolDefinition[],
	count: (text: string) => number,
): number {
	const prompt = messages.reduce((sum, message) => sum + messageTokens(message, count), 0);
	return tools.length
		? prompt + count(JSON.stringify(tools.map((tool) => ({ type: 'function', function: tool }))))
		: prompt;
}

function messageTokens(message: ChatMessage, count: (text: string) => number): number {
	const text = count(message.content);
	const calls = message.toolCalls?.length ? count(JSON.stringify(message.toolCalls)) : 0;
	const media = (message.parts ?? []).reduce(
		(sum, part) => sum + (part.type === 'text' ? 0 : mediaTokens(part)),
		0,
	);
	return text + calls + media;
}

/** The text's length in UTF-8, or a little more: a surrogate pair counts 6 where it takes 4. */
function utf8Bytes(text: string): number {
	let bytes = text.length;
	for (let at = 0; at < text.length; at++) {
		const code = text.charCodeAt(at);
		if (code >= 0x80) bytes += code >= 0x800 ? 2 : 1;
	}
	return bytes;
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
