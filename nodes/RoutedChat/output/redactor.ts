import { attempt } from '../core';

const REDACTED = '[redacted]';

export type Redactor = <T>(value: T) => T;

/**
 * Scrubs secrets from anything that leaves the node. Gateways and HTTP
 * libraries can echo a key in an error; nothing of ours ever puts it there.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
	const live = secrets.filter((secret) => secret.length >= 4);
	// A secret in any string of a value shows, escaped as JSON escapes it, in the value's JSON; the
	// check costs a third of a rebuild of every output item, which is then needed only when it hits.
	const escaped = live.map((secret) => JSON.stringify(secret).slice(1, -1));
	const holdsSecret = (value: unknown): boolean => {
		const json = attempt(() => JSON.stringify(value));
		return (
			!json.ok ||
			(json.value !== undefined && escaped.some((secret) => json.value.includes(secret)))
		);
	};
	const scrub = (value: unknown): unknown => {
		if (typeof value === 'string')
			return live.reduce((text, secret) => text.split(secret).join(REDACTED), value);
		if (Array.isArray(value)) return value.map(scrub);
		if (value && typeof value === 'object') {
			return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scrub(inner)]));
		}
		return value;
	};
	return <T>(value: T) => (live.length && holdsSecret(value) ? (scrub(value) as T) : value);
}
