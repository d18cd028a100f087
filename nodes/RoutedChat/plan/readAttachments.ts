import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';

import type { ChatMessage, ContentPart, InputModality, MediaPart } from '../core';
import {
	ACCEPTED_TYPES,
	checkMediaTotal,
	isWebUrl,
	mediaBytes,
	mediaKind,
	mediaPart,
	sizeProblem,
} from './mediaLimits';
import { attachmentType, statesNoType, TYPED_EXTENSIONS } from './attachmentType';
import { ParameterError } from './parameterError';

const FIELD = 'attachments';

/** One binary property checked from its metadata, before its bytes are read. */
interface Attachment {
	property: string;
	kind: InputModality;
	mimeType: string;
	fileName: string;
	/** Set when the binary data is only a URL: the gateway fetches it, nothing is read. */
	url?: string;
}

/**
 * The Attachments field: the item's binary properties, comma-separated, as image and PDF parts.
 * Every property is checked (present, a type Attachments take, within the limits) before the
 * first byte is read, and all of them before any call.
 */
export async function readAttachments(
	context: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
): Promise<MediaPart[]> {
	const properties = propertyNames(value);
	if (!properties.length) return [];
	const binary = context.getInputData()[itemIndex]?.binary ?? {};
	const attachments = properties.map((property) => checkAttachment(property, binary));
	let total = 0;
	const parts: MediaPart[] = [];
	for (const attachment of attachments) {
		if (attachment.url) {
			parts.push(mediaPart(attachment.kind, attachment.url, attachment.fileName));
			continue;
		}
		const bytes = await context.helpers.getBinaryDataBuffer(itemIndex, attachment.property);
		const tooLarge = sizeProblem(attachment.kind, bytes.length);
		if (tooLarge)
			throw new ParameterError(FIELD, `Binary property "${attachment.property}" ${tooLarge}`);
		total += bytes.length;
		checkMediaTotal(FIELD, total);
		const dataUrl = `data:${attachment.mimeType};base64,${bytes.toString('base64')}`;
		parts.push(mediaPart(attachment.kind, dataUrl, attachment.fileName, bytes));
	}
	return parts;
}

function propertyNames(value: unknown): string[] {
	if (value === undefined || value === null) return [];
	const names = typeof value === 'string' ? value.split(',') : value;
	if (!Array.isArray(names) || !names.every((name) => typeof name === 'string'))
		throw new ParameterError(
			FIELD,
			'Attachments must be binary property names, separated by commas',
			'e.g. data, invoice',
		);
	return [...new Set(names.map((name) => name.trim()).filter(Boolean))];
}

function checkAttachment(property: string, binary: Record<string, IBinaryData>): Attachment {
	const data = binary[property];
	if (!data) {
		const present = Object.keys(binary);
		throw new ParameterError(
			FIELD,
			`The item has no binary property "${property}"`,
			present.length
				? `The item's binary properties are: ${present.join(', ')}`
				: 'The item has no binary data: put a node that reads or makes a file before this one',
		);
	}
	const mimeType = attachmentType(data);
	const kind = mediaKind(mimeType);
	if (!kind) throw new ParameterError(FIELD, refusedType(property, mimeType, data.fileName));
	const attachment: Attachment = {
		property,
		kind,
		mimeType,
		fileName: data.fileName ?? `${property}${kind === 'file' ? '.pdf' : ''}`,
	};
	// A size stated in the metadata is checked before the bytes are read.
	const tooLarge = typeof data.bytes === 'number' ? sizeProblem(kind, data.bytes) : undefined;
	if (tooLarge) throw new ParameterError(FIELD, `Binary property "${property}" ${tooLarge}`);
	const url = onlyUrl(data);
	if (url === undefined) return attachment;
	if (!isWebUrl(url))
		throw new ParameterError(
			FIELD,
			`Binary property "${property}" has the URL "${url}", which is not http(s)`,
		);
	return { ...attachment, url };
}

function refusedType(property: string, mimeType: string, fileName: string | undefined): string {
	const refused = `Binary property "${property}" is ${mimeType || 'of no stated type'}`;
	if (!statesNoType(mimeType)) return `${refused}; Attachments take ${ACCEPTED_TYPES}`;
	const named = fileName ? `, named ${fileName}` : '';
	return `${refused}${named}; Attachments take ${ACCEPTED_TYPES}, or a file of no stated type (application/octet-stream) named ${TYPED_EXTENSIONS}`;
}

/**
 * n8n's IBinaryData has no URL field of its own: binary data that is only a URL carries it as
 * `url`, with no stored bytes (no `id`, empty `data`).
 */
function onlyUrl(data: IBinaryData): string | undefined {
	const url = data.url;
	if (typeof url !== 'string' || data.id || data.data) return undefined;
	return url;
}

/** The parts appended to the last user message (the prompt, in Prompt mode). */
export function withAttachments(messages: ChatMessage[], media: MediaPart[]): ChatMessage[] {
	if (!media.length) return messages;
	const last = messages.map((message) => message.role).lastIndexOf('user');
	if (last === -1)
		throw new ParameterError(
			FIELD,
			'Attachments go with the last user message, but Messages has none',
			'Add a {"role": "user"} message',
		);
	const withMedia = messages.map((message, at) =>
		at === last
			? {
					...message,
					parts: [...(message.parts ?? textPart(message.content)), ...media],
				}
			: message,
	);
	checkMediaTotal(
		FIELD,
		mediaBytes(withMedia),
		'The attachments and the images and files in Messages',
	);
	return withMedia;
}

/** A message's text as a part; none for empty text, which some providers refuse (Anthropic). */
function textPart(text: string): ContentPart[] {
	return text ? [{ type: 'text', text }] : [];
}
