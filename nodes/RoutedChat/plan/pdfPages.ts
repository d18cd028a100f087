/**
 * The pages of a PDF, counted as its `/Type /Page` objects (not `/Pages`), for the token estimate;
 * undefined when none is visible (compressed object streams hide them).
 */
export function countPdfPages(pdf: Uint8Array): number | undefined {
	const text = new TextDecoder('latin1').decode(pdf);
	let pages = 0;
	for (let at = text.indexOf('/Type'); at !== -1; at = text.indexOf('/Type', at + 5)) {
		let next = at + 5;
		while (next < text.length && isSpace(text.charCodeAt(next))) next++;
		if (text.startsWith('/Page', next) && !isNameChar(text.charCodeAt(next + 5))) pages++;
	}
	return pages || undefined;
}

function isSpace(code: number): boolean {
	return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 0;
}

/** A PDF name continues until whitespace or a delimiter: `/Pages` is not `/Page`. */
function isNameChar(code: number): boolean {
	return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
