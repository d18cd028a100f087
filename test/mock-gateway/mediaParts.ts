import type { ChatMessage } from './types';

/**
 * What the mock counts for media, as a stand-in for providers' image and PDF tokens: a fixed
 * 1,000 prompt tokens per image, and 1,000 per PDF page (its `/Type /Page` objects; a PDF sent
 * as a URL, or whose pages cannot be seen, counts as one page).
 */
export const MOCK_IMAGE_TOKENS = 1_000;
export const MOCK_PDF_PAGE_TOKENS = 1_000;

const IMAGE_DATA_URL = /^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/]*={0,2}$/;
const PDF_DATA_URL = /^data:application\/pdf;base64,[A-Za-z0-9+/]*={0,2}$/;
const WEB_URL = /^https?:\/\/[^\s/]/;

interface PartWire {
	type?: unknown;
	text?: unknown;
	image_url?: { url?: unknown };
	file?: { filename?: unknown; file_data?: unknown };
}

function partsOf(message: ChatMessage): PartWire[] {
	return Array.isArray(message.content) ? (message.content as PartWire[]) : [];
}

/** OpenRouter's 400 for a content part it cannot read; undefined when every part is well formed. */
export function mediaPartsProblem(messages: ChatMessage[]): string | undefined {
	for (const [index, message] of messages.entries()) {
		for (const [at, part] of partsOf(message).entries()) {
			const where = `messages[${index}].content[${at}]`;
			if (part?.type === 'text') {
				if (typeof part.text !== 'string') return `${where}.text must be a string`;
			} else if (part?.type === 'image_url') {
				const url = part.image_url?.url;
				if (typeof url !== 'string' || !(IMAGE_DATA_URL.test(url) || WEB_URL.test(url)))
					return `${where}.image_url.url must be an image data URL or an http(s) URL`;
			} else if (part?.type === 'file') {
				const data = part.file?.file_data;
				if (typeof part.file?.filename !== 'string' || part.file.filename === '')
					return `${where}.file.filename is required`;
				if (typeof data !== 'string' || !(PDF_DATA_URL.test(data) || WEB_URL.test(data)))
					return `${where}.file.file_data must be a PDF data URL or an http(s) URL`;
			} else {
				return `${where}.type must be one of text, image_url, file`;
			}
		}
	}
	return undefined;
}

/** Whether any message carries an image part (only models with `image` input take those). */
export function carriesImage(messages: ChatMessage[]): boolean {
	return messages.some((message) => partsOf(message).some((part) => part.type === 'image_url'));
}

/** The prompt tokens the request's images and PDFs count for. */
export function mediaTokens(messages: ChatMessage[]): number {
	let tokens = 0;
	for (const message of messages) {
		for (const part of partsOf(message)) {
			if (part.type === 'image_url') tokens += MOCK_IMAGE_TOKENS;
			if (part.type === 'file')
				tokens += pdfPages(String(part.file?.file_data)) * MOCK_PDF_PAGE_TOKENS;
		}
	}
	return tokens;
}

function pdfPages(fileData: string): number {
	if (!fileData.startsWith('data:')) return 1;
	const pdf = Buffer.from(fileData.slice(fileData.indexOf(',') + 1), 'base64').toString('latin1');
	return Math.max(1, pdf.match(/\/Type\s*\/Page\b/g)?.length ?? 0);
}
