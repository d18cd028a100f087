const REDACTED = '[redacted]';

export type Redactor = <T>(value: T) => T;

/**
 * Scrubs secrets from anything that leaves the node. Gateways and HTTP
 * libraries can echo a key in an error; nothing of ours ever puts it there.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
	const live = secrets.filter((secret) => secret.length >= 4);
	const scrub = (value: unknown): unknown => {
		if (typeof value === 'string')
			return live.reduce((text, secret) => text.split(secret).join(REDACTED), value);
		if (Array.isArray(value)) return value.map(scrub);
		if (value && typeof value === 'object') {
			return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scrub(inner)]));
		}
		return value;
	};
	return <T>(value: T) => (live.length ? (scrub(value) as T) : value);
}
