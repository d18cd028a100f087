/**
 * How the demo scenario's models triage a support ticket when asked for JSON
 * (examples/support-ticket-cascade.json): a keyword reading of the ticket, so
 * every answer follows from the ticket's text alone, run after run.
 */

type Category = 'billing' | 'bug' | 'account' | 'feature_request' | 'other';
type Urgency = 'low' | 'medium' | 'high';

/** Why a cheap answer fails the example's checks: off the schema's enums, not JSON at all, or unsure. */
export type CheapFlaw = 'off-schema' | 'not-json' | 'low-confidence';

// On a tie the first listed wins.
const CATEGORY_WORDS: Array<[Category, RegExp]> = [
	[
		'billing',
		/\b(invoices?|charged|charges?|payments?|card|subscription|billing|vat|receipts?|refund|plan|prices?|pricing|discount|factura)\b/g,
	],
	['bug', /\b(bugs?|errors?|crash(es|ed)?|blank|broken|not working|freezes|5\d\d)\b/g],
	[
		'account',
		/\b(log in|login|sign in|password|2fa|two-factor|email address|admin|permissions|account|locked out)\b/g,
	],
	[
		'feature_request',
		/\b(would be great|would be nice|could you add|please add|feature|roadmap|integration|dark mode|support for)\b/g,
	],
];
const HIGH =
	/\b(urgent|immediately|asap|can't log in|cannot log in|locked out|charged twice|blocked|down)\b/;
const LOW = /\b(no rush|just curious|just wanted|would be nice|would be great|roadmap)\b/;
const OUTAGE = /\b(down|outage|production|all users|whole team)\b/;
const NOT_ENGLISH = /\b(hola|gracias|bonjour|merci|hallo|danke|bitte)\b/;

interface Reading {
	category: Category;
	urgency: Urgency;
	/** How many keywords of the chosen category the ticket has. */
	hits: number;
	/** More than one category's keywords appear: a mixed ticket. */
	mixed: boolean;
}

function readTicket(ticket: string): Reading {
	const text = ticket.toLowerCase();
	const scores = CATEGORY_WORDS.map(([category, words]) => ({
		category,
		hits: text.match(words)?.length ?? 0,
	})).filter((score) => score.hits > 0);
	const best = scores.reduce<{ category: Category; hits: number }>(
		(top, score) => (score.hits > top.hits ? score : top),
		{
			category: 'other',
			hits: 0,
		},
	);
	const urgency: Urgency = HIGH.test(text)
		? 'high'
		: LOW.test(text) || best.category === 'feature_request'
			? 'low'
			: 'medium';
	return { category: best.category, urgency, hits: best.hits, mixed: scores.length > 1 };
}

const answer = (category: string, urgency: string, confidence: number) =>
	JSON.stringify({ category, urgency, confidence: Math.round(confidence * 100) / 100 });

/** The strong tier: always on the schema, always sure enough. */
export function strongTriage(ticket: string): string {
	const reading = readTicket(ticket);
	return answer(reading.category, reading.urgency, reading.mixed ? 0.8 : 0.95);
}

/** The cheap tier: right on plain tickets, and wrong in the ways small models are on the others. */
export function cheapTriage(ticket: string): { content: string; flaw?: CheapFlaw } {
	const reading = readTicket(ticket);
	const text = ticket.toLowerCase();
	if (NOT_ENGLISH.test(text)) {
		return {
			content: `Claro: categoría ${reading.category}, urgencia ${reading.urgency}.`,
			flaw: 'not-json',
		};
	}
	if (/\brefund/.test(text))
		return { content: answer('refund', reading.urgency, 0.9), flaw: 'off-schema' };
	if (reading.urgency === 'high' && OUTAGE.test(text)) {
		return { content: answer(reading.category, 'critical', 0.9), flaw: 'off-schema' };
	}
	if (reading.mixed)
		return { content: answer(reading.category, reading.urgency, 0.55), flaw: 'low-confidence' };
	return {
		content: answer(reading.category, reading.urgency, Math.min(0.97, 0.82 + 0.05 * reading.hits)),
	};
}

/**
 * The cheap tier asked again with what was wrong (Repair Before Escalating): it fixes
 * the format, and, told its confidence is too low, states a higher one for the same answer.
 */
export function cheapRepair(ticket: string): string {
	const reading = readTicket(ticket);
	return answer(
		reading.category,
		reading.urgency,
		cheapTriage(ticket).flaw === 'low-confidence' ? 0.75 : 0.85,
	);
}
