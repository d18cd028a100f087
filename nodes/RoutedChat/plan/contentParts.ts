import { z } from 'zod';

import { type ChatMessage, type ContentPart, dataUrlBytes, type InputModality } from '../core';
import { IMAGE_MIME_TYPES, isWebUrl, mediaPart, PDF_MIME_TYPE, sizeProblem } from './mediaLimits';
import { zodMessage } from './zodMessage';

const IMAGE_DATA_PREFIXES = IMAGE_MIME_TYPES.map((type) => `data:${type};base64,`);
const PDF_DATA_PREFIX = `data:${PDF_MIME_TYPE};base64,`;

/** A part's URL: an http(s) URL, or a base64 data URL of an accepted type within the size limit. */
function mediaUrl(kind: InputModality, prefixes: string[], what: string) {
	return z.string(zodMessage(`${what} must be a string`)).superRefine((url, context) => {
		if (isWebUrl(url)) return;
		if (!prefixes.some((prefix) => url.startsWith(prefix))) {
			context.addIssue({
				code: z.ZodIssueCode.custom,
				message: `${what} must be an http(s) URL or a data URL starting ${prefixes.join(' or ')}`,
			});
			return;
		}
		const tooLarge = sizeProblem(kind, dataUrlBytes(url));
		if (tooLarge) context.addIssue({ code: z.ZodIssueCode.custom, message: `${what} ${tooLarge}` });
	});
}

const textPart = z.object({
	type: z.literal('text'),
	text: z.string(zodMessage('text must be a string')),
});
const imagePart = z.object({
	type: z.literal('image_url'),
	image_url: z.object(
		{ url: mediaUrl('image', IMAGE_DATA_PREFIXES, 'url') },
		zodMessage('image_url must be an object {url}'),
	),
});
const filePart = z.object({
	type: z.literal('file'),
	file: z.object(
		{
			filename: z
				.string(zodMessage('filename must be a string'))
				.min(1, 'filename must not be empty'),
			file_data: mediaUrl('file', [PDF_DATA_PREFIX], 'file_data'),
		},
		zodMessage('file must be an object {filename, file_data}'),
	),
});

/** OpenAI's content parts that Messages mode takes: `text`, `image_url` and `file` (a PDF). */
export const contentPartsSchema = z
	.array(
		z.discriminatedUnion('type', [textPart, imagePart, filePart], {
			errorMap: (issue, context) =>
				issue.code === 'invalid_union_discriminator'
					? { message: 'type must be one of text, image_url, file' }
					: { message: context.defaultError },
		}),
	)
	.min(1, 'content must hold at least one part');

type WireParts = z.infer<typeof contentPartsSchema>;

/** Content as a string, or parts with their text joined as `content` (for estimates and rules). */
export function messageContent(
	content: string | WireParts,
): Pick<ChatMessage, 'content' | 'parts'> {
	if (typeof content === 'string') return { content };
	const parts = content.map(corePart);
	const text = partsText(parts);
	return parts.some((part) => part.type !== 'text') ? { content: text, parts } : { content: text };
}

/** The text parts of a message, joined: its `content` beside its parts. */
export function partsText(parts: readonly ContentPart[]): string {
	return parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n');
}

function corePart(part: WireParts[number]): ContentPart {
	switch (part.type) {
		case 'text':
			return { type: 'text', text: part.text };
		case 'image_url':
			return { type: 'image', url: part.image_url.url };
		case 'file':
			return mediaPart('file', part.file.file_data, part.file.filename);
	}
}
