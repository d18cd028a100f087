import type { ChatMessage, MediaPart } from './types';

/**
 * What one image costs in prompt tokens, at most, on the providers OpenRouter reaches: Anthropic
 * counts width × height / 750 up to about 1,600 for a 1.15-megapixel image; OpenAI's high detail
 * is 765 for 1024 × 1024.
 */
export const IMAGE_TOKENS = 1_600;
/** A PDF page as text and as a page image, at the dense end (Anthropic: 1,500 to 3,000 a page). */
export const PDF_PAGE_TOKENS = 3_000;
/** For a PDF whose pages could not be counted: one page per started 100 KB of file. */
const BYTES_PER_UNCOUNTED_PAGE = 100_000;

/** A rough token count (about four characters a token), for budgets and routing rules before a call. */
export function estimateTokens(text: string): number {
	return Math.ceil(text.length / 4);
}

/** Text at four characters a token, plus a fixed figure per image and per PDF page. */
export function estimatePromptTokens(messages: readonly ChatMessage[]): number {
	return messages.reduce(
		(sum, message) =>
			sum +
			estimateTokens(message.content) +
			(message.parts ?? []).reduce(
				(partSum, part) => partSum + (part.type === 'text' ? 0 : mediaTokens(part)),
				0,
			),
		0,
	);
}

function mediaTokens(part: MediaPart): number {
	if (part.type === 'image') return IMAGE_TOKENS;
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
