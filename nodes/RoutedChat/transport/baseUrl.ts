/** How the node talks to the gateway; the credential's Gateway field, `auto` deciding by the Base URL. */
export type GatewayType = 'auto' | 'openRouter' | 'openAiCompatible';

/** Hosts on this machine, where http:// does not put the key on a network. */
function isLoopback(hostname: string): boolean {
	const host = hostname.toLowerCase();
	if (host === 'localhost' || host === '[::1]') return true;
	const octets = host.split('.');
	return (
		octets.length === 4 && octets[0] === '127' && octets.every((octet) => /^\d{1,3}$/.test(octet))
	);
}

/**
 * Why a Base URL cannot carry the key, or undefined when it can: anything but
 * http(s), or http:// to a host off this machine, which would send the bearer
 * key in clear text.
 */
export function baseUrlProblem(baseUrl: string, label = 'Base URL'): string | undefined {
	const url = URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
		return `${label} "${baseUrl}" is not an http(s) URL`;
	if (url.protocol === 'http:' && !isLoopback(url.hostname))
		return `${label} "${baseUrl}" uses http://, which would send the API key in clear text: use https://, or http:// only for a gateway on this machine (localhost, 127.0.0.0/8, ::1)`;
	// The HTTP client would send them as Basic credentials in place of the key; not quoted, as they may be secret.
	if (url.username || url.password)
		return `${label} has a user name or password before its host (user:password@): the key is sent as Authorization: Bearer, which they would replace. Remove them`;
	return undefined;
}

/**
 * The Base URL as every request starts from it: trimmed, without a #fragment or the trailing
 * slashes of its path. A ?query stays, for underBaseUrl to put after each request's path.
 */
export function normalizedBaseUrl(baseUrl: string): string {
	const [whole] = baseUrl.trim().split('#', 1);
	const queryAt = whole.indexOf('?');
	const path = queryAt === -1 ? whole : whole.slice(0, queryAt);
	const query = queryAt === -1 ? '' : whole.slice(queryAt + 1);
	// The lookbehind starts a match only where a run of slashes starts: linear, where /\/+$/ is quadratic.
	return `${path.replace(/(?<!\/)\/+$/, '')}${query && `?${query}`}`;
}

/** A path under the (normalized) Base URL, e.g. /models, followed by the Base URL's query if it has one. */
export function underBaseUrl(baseUrl: string, path: string): string {
	const queryAt = baseUrl.indexOf('?');
	if (queryAt === -1) return `${baseUrl}${path}`;
	const separator = path.includes('?') ? '&' : '?';
	return `${baseUrl.slice(0, queryAt)}${path}${separator}${baseUrl.slice(queryAt + 1)}`;
}

/**
 * OpenRouter's own fields (usage accounting, `models`, `provider`, `reasoning`) go only to
 * OpenRouter. Detected, it is a host under openrouter.ai, or a gateway on this machine at
 * OpenRouter's path `/api/v1` (a local proxy or stand-in); a remote host at `/api/v1` may be
 * another vendor's OpenAI-compatible server. The credential's Test decides by an n8n expression
 * that takes the same steps (IS_OPENROUTER in the credential); a test holds the two together.
 */
export function speaksOpenRouter(baseUrl: string, type: GatewayType): boolean {
	if (type !== 'auto') return type === 'openRouter';
	// Split as plain strings, not by URL, so that the expression can do exactly the same.
	const parts = baseUrl
		.trim()
		.split(/[?#]/)[0]
		.replace(/(?<!\/)\/+$/, '')
		.split('/');
	const authority = parts[2] ?? '';
	const host = (
		authority.startsWith('[')
			? authority.slice(0, authority.indexOf(']') + 1)
			: authority.split(':')[0]
	).toLowerCase();
	return (
		`.${host}`.endsWith('.openrouter.ai') ||
		(isLoopback(host) && parts.slice(3).join('/') === 'api/v1')
	);
}
