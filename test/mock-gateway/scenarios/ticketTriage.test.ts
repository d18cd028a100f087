import { Validator } from '@cfworker/json-schema';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { cheapRepair, cheapTriage, strongTriage } from './ticketTriage';

interface Node {
	name: string;
	type: string;
	parameters: Record<string, unknown> & { options?: { jsonSchema?: string } };
}

const example = JSON.parse(
	readFileSync(
		join(__dirname, '..', '..', '..', 'examples', 'support-ticket-cascade.json'),
		'utf8',
	),
) as { nodes: Node[] };
const tickets = (
	JSON.parse(
		String(example.nodes.find((node) => node.name === '20 support tickets')?.parameters.jsonOutput),
	) as {
		tickets: Array<{ id: string; subject: string; body: string }>;
	}
).tickets;
const schema = JSON.parse(
	String(
		example.nodes.find((node) => node.type.endsWith('.routedChat'))?.parameters.options?.jsonSchema,
	),
) as never;
const onSchema = (content: string) =>
	new Validator(schema, '2020-12').validate(JSON.parse(content)).valid;
const texts = tickets.map((ticket) => [ticket.id, `Subject: ${ticket.subject}\n\n${ticket.body}`]);

describe('the demo scenario triaging the tickets of the cascade example', () => {
	it('has the cheap model get exactly a quarter of them wrong, each in its own way', () => {
		const flawed = Object.fromEntries(
			texts.map(([id, text]) => [id, cheapTriage(text).flaw]).filter(([, flaw]) => flaw),
		);
		expect(tickets).toHaveLength(20);
		expect(flawed).toEqual({
			'T-1006': 'off-schema',
			'T-1008': 'off-schema',
			'T-1011': 'not-json',
			'T-1014': 'low-confidence',
			'T-1018': 'off-schema',
		});
	});

	it('answers the rest on the schema and sure enough, as the strong model does every ticket', () => {
		for (const [id, text] of texts) {
			const cheap = cheapTriage(text);
			const strong = JSON.parse(strongTriage(text)) as { confidence: number };
			expect([id, onSchema(strongTriage(text)), strong.confidence >= 0.7]).toEqual([
				id,
				true,
				true,
			]);
			if (cheap.flaw === 'not-json') expect(() => JSON.parse(cheap.content)).toThrow();
			else expect([id, onSchema(cheap.content)]).toEqual([id, cheap.flaw !== 'off-schema']);
			if (!cheap.flaw)
				expect(
					(JSON.parse(cheap.content) as { confidence: number }).confidence,
				).toBeGreaterThanOrEqual(0.7);
		}
	});

	it('fixes the format when asked again, and raises its confidence when told it is too low', () => {
		for (const [id, text] of texts) {
			const repaired = cheapRepair(text);
			expect([id, onSchema(repaired)]).toEqual([id, true]);
			if (cheapTriage(text).flaw === 'low-confidence')
				expect((JSON.parse(repaired) as { confidence: number }).confidence).toBe(0.75);
		}
	});
});
