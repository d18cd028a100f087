import assert from 'node:assert/strict';

import {
	inputItemOf,
	type Json,
	outputItems,
	pairedIndex,
	succeeded,
} from '../../scripts/n8n/execution';
import { modelList, nodeNamed } from '../../scripts/n8n/workflowFile';
import type { CheapFlaw } from '../mock-gateway/scenarios/ticketTriage';
import { type CascadeRun, cascadeNode, costFigures, nanoUsd, served } from './cascadeRun';
import type { Check } from './check';
import { expectedCostUsd } from './mockPricing';

const TICKETS = 20;
const ESCALATIONS = 5;
const SCHEMA = {
	category: ['billing', 'bug', 'account', 'feature_request', 'other'],
	urgency: ['low', 'medium', 'high'],
};
const REASON: Record<CheapFlaw, RegExp> = {
	'off-schema': /does not match the JSON schema/,
	'not-json': /not valid JSON/,
	'low-confidence': /confidence 0\.\d+ is below 0\.7/,
};

const attemptsOf = (json: Json) => json.attempts as Json[];

/** What examples/support-ticket-cascade.json must show when n8n runs it on the mock's demo scenario. */
export function cascadeChecks(run: CascadeRun): Check[] {
	const node = cascadeNode(run.workflow);
	const cheap = modelList(node.parameters.cheapModels)[0];
	const strong = modelList(node.parameters.strongModels)[0];
	const cascade = () => served(run.cascade, node);
	const strongOnly = () => served(run.strongOnly, node);

	return [
		{
			name: 'cascade example: the workflow succeeded in n8n, and the strong-only copy too',
			run: () => {
				for (const [label, execution] of [
					['cascade', run.cascade],
					['strong only', run.strongOnly],
				] as const) {
					const error = execution.data.resultData.error;
					assert.ok(
						succeeded(execution),
						`${label}: status ${execution.status}: ${error?.message ?? ''} ${error?.description ?? ''}`,
					);
				}
			},
		},
		{
			name: `cascade example: ${TICKETS} ticket items and 1 summary item, each ticket paired to its input in order`,
			run: () => {
				const items = outputItems(run.cascade, node.name);
				assert.equal(items.length, TICKETS + 1, 'items from the Routed Chat node');
				items.slice(0, TICKETS).forEach((item, index) => {
					assert.equal(pairedIndex(item)?.item, index, `ticket ${index} pairedItem`);
					assert.match(
						String(inputItemOf(run.cascade, node.name, item)?.json.id),
						/^T-\d+$/,
						`ticket ${index} input`,
					);
				});
				const last = items[TICKETS];
				assert.ok(last.json.summary, 'the last item is the summary');
				assert.deepEqual(
					last.pairedItem,
					Array.from({ length: TICKETS }, (_, item) => ({ item })),
					'the summary is paired to every ticket',
				);
			},
		},
		{
			name: `cascade example: the cheap tier keeps the plain tickets; the ${ESCALATIONS} it gets wrong (off the schema, not JSON, unsure) escalate to the strong tier with a reason`,
			run: () => {
				const { tickets } = cascade();
				assert.equal(
					tickets.filter((ticket) => ticket.flaw).length,
					ESCALATIONS,
					"tickets the mock's cheap model gets wrong",
				);
				for (const { item, input, flaw } of tickets) {
					const { json } = item;
					const id = String(input.id);
					const stages = attemptsOf(json).map((attempt) => attempt.stage);
					if (!flaw) {
						assert.equal(
							json.escalated,
							false,
							`${id} escalated: ${String(json.escalationReason)}`,
						);
						assert.equal(json.escalationReason, null, `${id} escalationReason`);
						assert.equal(json.tier, 'cheap', `${id} tier`);
						assert.equal(json.model, cheap, `${id} served by`);
						assert.deepEqual(stages, ['cheap'], `${id} attempts`);
						const confidence = Number((json.json as Json).confidence);
						assert.ok(confidence >= 0.7, `${id} kept with confidence ${confidence}`);
						continue;
					}
					assert.equal(json.escalated, true, `${id} (${flaw}) escalated`);
					assert.match(String(json.escalationReason), REASON[flaw], `${id} escalationReason`);
					assert.equal(json.tier, 'strong', `${id} tier`);
					assert.equal(json.model, strong, `${id} served by`);
					assert.deepEqual(stages, ['cheap', 'strong'], `${id} attempts`);
					assert.equal(attemptsOf(json)[0].model, cheap, `${id} first attempt`);
					assert.equal(attemptsOf(json)[1].outcome, 'success', `${id} strong attempt`);
				}
			},
		},
		{
			name: 'cascade example: every answer kept is on the schema (category and urgency from their enums, confidence 0..1)',
			run: () => {
				for (const { item, input } of [...cascade().tickets, ...strongOnly().tickets]) {
					const answer = item.json.json as Json | undefined;
					assert.ok(answer, `${String(input.id)} has no parsed json`);
					assert.ok(
						SCHEMA.category.includes(String(answer.category)),
						`${String(input.id)} category ${String(answer.category)}`,
					);
					assert.ok(
						SCHEMA.urgency.includes(String(answer.urgency)),
						`${String(input.id)} urgency ${String(answer.urgency)}`,
					);
					assert.ok(
						Number(answer.confidence) >= 0 && Number(answer.confidence) <= 1,
						`${String(input.id)} confidence`,
					);
				}
			},
		},
		{
			name: "cascade example: each ticket's cost is the sum of its attempts' costs, to the nano-dollar",
			run: () => {
				for (const { item, input } of cascade().tickets) {
					const cost = item.json.cost as { totalUsd: number; source: string };
					const attempts = attemptsOf(item.json);
					assert.equal(cost.source, 'gateway', `${String(input.id)} cost source`);
					attempts.forEach((attempt, index) =>
						assert.equal(
							typeof attempt.costUsd,
							'number',
							`${String(input.id)} attempt ${index} cost`,
						),
					);
					const sum = attempts.reduce((total, attempt) => total + nanoUsd(attempt.costUsd), 0);
					assert.ok(sum > 0, `${String(input.id)} cost nothing`);
					assert.equal(
						nanoUsd(cost.totalUsd),
						sum,
						`${String(input.id)}: cost ${cost.totalUsd}, attempts ${sum} nano-USD`,
					);
				}
			},
		},
		{
			name: 'cascade example: the summary item totals the 20 tickets to the nano-dollar, per model too, and counts the escalations',
			run: () => {
				const { tickets, summary } = cascade();
				assert.ok(summary, 'no summary item');
				const total = tickets.reduce(
					(sum, { item }) => sum + nanoUsd((item.json.cost as Json).totalUsd),
					0,
				);
				assert.equal(
					nanoUsd(summary.totalCostUsd),
					total,
					`totalCostUsd ${String(summary.totalCostUsd)} vs the items' ${total} nano-USD`,
				);
				assert.deepEqual(
					{
						items: summary.items,
						served: summary.served,
						failed: summary.failed,
						escalated: summary.escalated,
					},
					{ items: TICKETS, served: TICKETS, failed: 0, escalated: ESCALATIONS },
				);
				const byModel = summary.byModel as Record<string, { calls: number; costUsd: number }>;
				assert.deepEqual(Object.keys(byModel).sort(), [cheap, strong].sort(), 'models in byModel');
				assert.equal(byModel[cheap].calls, TICKETS, `${cheap} calls`);
				assert.equal(byModel[strong].calls, ESCALATIONS, `${strong} calls`);
				assert.equal(
					nanoUsd(byModel[cheap].costUsd) + nanoUsd(byModel[strong].costUsd),
					total,
					'byModel costs add up to the total',
				);
				assert.equal(summary.strongestModel, strong, 'strongestModel');
				assert.equal(
					nanoUsd(summary.savedUsd),
					nanoUsd(summary.strongestOnlyCostUsd) - total,
					'savedUsd = strongestOnlyCostUsd - totalCostUsd',
				);
			},
		},
		{
			name: 'cascade example: the If node sends the summary to "Cost summary" and the tickets to "Triaged tickets", which reads each ticket through its pairing',
			run: () => {
				const { tickets, summary } = cascade();
				const triaged = outputItems(
					run.cascade,
					nodeNamed(run.workflow, 'Triaged tickets').name,
				).map((item) => item.json);
				assert.equal(triaged.length, TICKETS, 'items in "Triaged tickets"');
				triaged.forEach((row, index) => {
					const { item, input } = tickets[index];
					assert.equal(row.ticket, input.id, `row ${index} ticket`);
					assert.equal(row.category, (item.json.json as Json).category, `row ${index} category`);
					assert.equal(row.model, item.json.model, `row ${index} model`);
					assert.equal(row.escalated, item.json.escalated, `row ${index} escalated`);
				});
				const rows = outputItems(run.cascade, nodeNamed(run.workflow, 'Cost summary').name).map(
					(item) => item.json,
				);
				assert.equal(rows.length, 1, 'items in "Cost summary"');
				assert.equal(rows[0].totalCostUsd, summary?.totalCostUsd, 'Cost summary totalCostUsd');
				assert.equal(rows[0].escalated, ESCALATIONS, 'Cost summary escalated');
			},
		},
		{
			name: "strong only (the example with Routing = Tier, strong): the 20 tickets all served by the strong tier, each at the mock's price × tokens",
			run: () => {
				const { tickets, summary } = strongOnly();
				const pricing = run.pricing.get(strong);
				assert.ok(pricing, `the mock does not list ${strong}`);
				assert.equal(tickets.length, TICKETS, 'ticket items');
				for (const { item, input } of tickets) {
					const usage = item.json.usage as { promptTokens: number; completionTokens: number };
					assert.equal(item.json.model, strong, `${String(input.id)} served by`);
					const expected = expectedCostUsd(pricing, usage.promptTokens, usage.completionTokens);
					assert.equal(
						nanoUsd((item.json.cost as Json).totalUsd),
						nanoUsd(expected),
						`${String(input.id)} cost`,
					);
				}
				const total = tickets.reduce(
					(sum, { item }) => sum + nanoUsd((item.json.cost as Json).totalUsd),
					0,
				);
				assert.equal(nanoUsd(summary?.totalCostUsd), total, 'strong-only summary total');
			},
		},
		{
			name: "cascade example: costs less than strong only; the summary's strong-only estimate, priced on the tokens the cheap model counted, is below the measured run by at most the tokenizers' difference",
			run: () => {
				const { measured, estimated, cascade: spent } = costFigures(run);
				assert.ok(spent < measured, `cascade ${spent} nano-USD vs strong only ${measured}`);
				// The mock's Claude counts 3.5 characters a token, gpt-4o-mini 4: the same answers cost
				// up to 4 / 3.5 times more tokens when the strong model counts them itself.
				assert.ok(estimated < measured, `estimate ${estimated} vs measured ${measured} nano-USD`);
				assert.ok(
					measured <= (estimated * 4) / 3.5,
					`measured ${measured} nano-USD is more than 4 / 3.5 × the estimate ${estimated}`,
				);
			},
		},
	];
}
