import { type ChatMessage, dataUrlBytes, type InputModality, type MediaPart } from '../core';
import { ParameterError } from './parameterError';
import { countPdfPages } from './pdfPages';

/** The image types every vision model on OpenRouter takes. */
export const IMAGE_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export const PDF_MIME_TYPE = 'application/pdf';

const MB = 1024 * 1024;

/**
 * Anthropic refuses an image over 5 MB and a request over 32 MB; OpenAI takes images up to 20 MB.
 * Files go base64 in the request (4/3 their size), so 24 MB of files make about 32 MB of JSON.
 */
const MEDIA_LIMITS = {
	imageBytes: 5 * MB,
	pdfBytes: 20 * MB,
	totalBytes: 24 * MB,
} as const;

/** The kind a MIME type is sent as, or undefined when Attachments do not take it. */
export function mediaKind(mimeType: string): InputModality | undefined {
	const type = normalMimeType(mimeType);
	if ((IMAGE_MIME_TYPES as readonly string[]).includes(type)) return 'image';
	if (type === PDF_MIME_TYPE) return 'file';
	return undefined;
}

/** `image/PNG; name=x` → `image/png`; the common `image/jpg` is JPEG. */
export function normalMimeType(mimeType: string): string {
	const type = mimeType.split(';')[0].trim().toLowerCase();
	return type === 'image/jpg' ? 'image/jpeg' : type;
}

export const ACCEPTED_TYPES = `${IMAGE_MIME_TYPES.join(', ')} and ${PDF_MIME_TYPE}`;

/** Why a file of this kind and size may not be sent, naming the limit; undefined when it may. */
export function sizeProblem(kind: InputModality, bytes: number): string | undefined {
	const limit = kind === 'image' ? MEDIA_LIMITS.imageBytes : MEDIA_LIMITS.pdfBytes;
	if (bytes <= limit) return undefined;
	// Just over the limit, rounded sizes would read alike: then both are given in bytes.
	const [size, most] =
		formatBytes(bytes) === formatBytes(limit)
			? [`${bytes} bytes`, `${limit} bytes`]
			: [formatBytes(bytes), formatBytes(limit)];
	return `is ${size}; ${kind === 'image' ? 'an image' : 'a PDF'} may be at most ${most}`;
}

/** Why one item's files together may not be sent (`what` names them); undefined when they may. */
export function totalProblem(bytes: number, what = 'The attachments'): string | undefined {
	if (bytes <= MEDIA_LIMITS.totalBytes) return undefined;
	return `${what} come to ${formatBytes(bytes)}; one item's may be at most ${formatBytes(MEDIA_LIMITS.totalBytes)} together`;
}

/** The bytes of the images and files the messages carry as data URLs (the gateway fetches the rest). */
export function mediaBytes(messages: readonly ChatMessage[]): number {
	let bytes = 0;
	for (const message of messages)
		for (const part of message.parts ?? [])
			if (part.type !== 'text') bytes += dataUrlBytes(part.url);
	return bytes;
}

function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	if (bytes < MB) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${Number((bytes / MB).toFixed(1))} MB`;
}

/** An http(s) URL the gateway can fetch. */
export function isWebUrl(value: string): boolean {
	return /^https?:\/\/[^\s/]/i.test(value);
}

/** A ParameterError on `field` when one item's images and files (`what`) come to more than the limit. */
export function checkMediaTotal(field: string, bytes: number, what?: string): void {
	const overTotal = totalProblem(bytes, what);
	if (overTotal) throw new ParameterError(field, overTotal, 'Send fewer or smaller files per item');
}

/**
 * An image, or a PDF under its file name, as the core's part; a PDF sent as data carries its page
 * count when its pages can be seen, for the token estimate. `bytes`: the file's, when the caller
 * has them, so that its data URL is not decoded again.
 */
export function mediaPart(
	kind: InputModality,
	url: string,
	filename: string,
	bytes?: Uint8Array,
): MediaPart {
	if (kind === 'image') return { type: 'image', url };
	const pdf = bytes ?? dataUrlContent(url);
	const pages = pdf && countPdfPages(pdf);
	return { type: 'file', filename, url, ...(pages ? { pages } : {}) };
}

/** The bytes of a base64 `data:` URL; undefined for a URL the gateway fetches. */
function dataUrlContent(url: string): Uint8Array | undefined {
	return url.startsWith('data:')
		? Buffer.from(url.slice(url.indexOf(',') + 1), 'base64')
		: undefined;
}
