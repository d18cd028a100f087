import type { IBinaryData } from 'n8n-workflow';

import { normalMimeType } from './mediaLimits';

/** What a file says when its type is not known (S3's default is binary/octet-stream). */
const NO_STATED_TYPE = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/** The types Attachments take, by a file's extension, for a file that states none. */
const TYPE_OF_EXTENSION = new Map([
	['png', 'image/png'],
	['jpg', 'image/jpeg'],
	['jpeg', 'image/jpeg'],
	['webp', 'image/webp'],
	['gif', 'image/gif'],
	['pdf', 'application/pdf'],
]);

const extensions = [...TYPE_OF_EXTENSION.keys()].map((extension) => `.${extension}`);
/** ".png, .jpg, .jpeg, .webp, .gif or .pdf" */
export const TYPED_EXTENSIONS = `${extensions.slice(0, -1).join(', ')} or ${extensions.at(-1)}`;

/** A binary property's type as stated; for a file that states none, the one its extension names, if any. */
export function attachmentType(data: IBinaryData): string {
	const stated = normalMimeType(String(data.mimeType ?? ''));
	if (!statesNoType(stated)) return stated;
	return TYPE_OF_EXTENSION.get(extensionOf(data)) ?? stated;
}

export function statesNoType(mimeType: string): boolean {
	return NO_STATED_TYPE.has(mimeType);
}

function extensionOf({ fileExtension, fileName }: IBinaryData): string {
	if (fileExtension) return fileExtension.toLowerCase();
	if (!fileName?.includes('.')) return '';
	return fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
}
