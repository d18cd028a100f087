import { dataUrlBytes, type MediaPart } from '../RoutedChat/core';
import {
	ACCEPTED_TYPES,
	isWebUrl,
	mediaKind,
	mediaPart,
	normalMimeType,
	PDF_MIME_TYPE,
	sizeProblem,
} from '../RoutedChat/plan/mediaLimits';

/**
 * An image or a file as a chain or agent hands it to the model: base64 or raw bytes (or a whole
 * data URL), or a URL, with its media type and file name when the sender gave them.
 */
interface HandedMedia {
	mediaType?: string;
	data?: string | Uint8Array;
	url?: string;
	filename?: string;
}

/** An image given only by URL has no exact type; `image/*` says "an image" all the same. */
export const ANY_IMAGE = 'image/*';

/** How every PDF starts: `%PDF-`, and its base64. */
const PDF_MAGIC = '%PDF-';
const PDF_MAGIC_BASE64 = 'JVBERi0';

/** The core's part for `media`; an Error saying why when it cannot be sent (`where` names it). */
export function toMediaPart(media: HandedMedia, where: string): MediaPart {
	const type = mediaTypeOf(media);
	if (!type)
		throw new Error(
			`${where} does not say its media type; Routed Chat Model sends ${ACCEPTED_TYPES}`,
		);
	const kind = type === ANY_IMAGE ? 'image' : mediaKind(type);
	if (!kind) throw new Error(`${where} is ${type}; Routed Chat Model sends only ${ACCEPTED_TYPES}`);
	const url = mediaUrl(media, type);
	if (!url) throw new Error(`${where} has neither data nor a URL`);
	if (!url.startsWith('data:') && !isWebUrl(url))
		throw new Error(`${where} has the URL "${url.slice(0, 100)}", which is not http(s)`);
	const tooLarge = sizeProblem(kind, dataUrlBytes(url));
	if (tooLarge) throw new Error(`${where} ${tooLarge}`);
	return mediaPart(kind, url, media.filename || 'attachment.pdf');
}

/** The type given, else a data URL's, else PDF when the name or the bytes say so. */
function mediaTypeOf({ mediaType, data, filename }: HandedMedia): string | undefined {
	const given = knownType(mediaType);
	if (given) return given;
	if (typeof data === 'string' && data.startsWith('data:'))
		return knownType(data.slice(5, data.search(/[;,]/)));
	const isPdf =
		/\.pdf$/i.test(filename ?? '') ||
		(typeof data === 'string'
			? data.startsWith(PDF_MAGIC_BASE64)
			: new TextDecoder('latin1').decode(data?.subarray(0, PDF_MAGIC.length)) === PDF_MAGIC);
	return isPdf ? PDF_MIME_TYPE : undefined;
}

function mediaUrl({ data, url }: HandedMedia, type: string): string | undefined {
	if (data instanceof Uint8Array)
		return `data:${type};base64,${Buffer.from(data).toString('base64')}`;
	if (data) return data.startsWith('data:') ? data : `data:${type};base64,${data}`;
	return url || undefined;
}

/** A normalised media type, or undefined when none was given (octet-stream says nothing). */
function knownType(mediaType: string | undefined): string | undefined {
	if (!mediaType) return undefined;
	const type = normalMimeType(mediaType);
	return type === 'application/octet-stream' ? undefined : type;
}
