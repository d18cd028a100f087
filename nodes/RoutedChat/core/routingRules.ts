import { patternText } from './patternText';
import type { TextPattern } from './textPattern';
import type { InputModality, Tier } from './types';
import { valueAtPath } from './valueAtPath';

export type RuleCondition =
	| { type: 'promptTokensAbove'; tokens: number }
	| { type: 'promptTokensBelow'; tokens: number }
	| { type: 'fieldEquals'; field: string; value: string }
	| { type: 'promptMatches'; pattern: TextPattern }
	| { type: 'promptContains'; keywords: string[] }
	| { type: 'hasAttachment' };

export type RuleTarget = { tier: Tier } | { model: string };

export interface RoutingRule {
	condition: RuleCondition;
	target: RuleTarget;
}

/** What a rule can look at, for one item. */
export interface ItemFacts {
	prompt: string;
	promptTokens: number;
	item: Record<string, unknown>;
	/** The images and files the messages carry, by modality (none when unset). */
	media?: readonly InputModality[];
}

export interface RouteChoice {
	/** Which rule matched, e.g. "rule 2: prompt over 2000 tokens", or "default". */
	route: string;
	target: RuleTarget;
}

/** First matching rule wins; none matching gives the default target. */
export function chooseRoute(
	rules: readonly RoutingRule[],
	facts: ItemFacts,
	fallback: RuleTarget,
): RouteChoice {
	const index = rules.findIndex((rule) => matches(rule.condition, facts));
	if (index === -1) return { route: 'default', target: fallback };
	return {
		route: `rule ${index + 1}: ${describeCondition(rules[index].condition)}`,
		target: rules[index].target,
	};
}

function matches(condition: RuleCondition, facts: ItemFacts): boolean {
	switch (condition.type) {
		case 'promptTokensAbove':
			return facts.promptTokens > condition.tokens;
		case 'promptTokensBelow':
			return facts.promptTokens < condition.tokens;
		case 'fieldEquals':
			return String(valueAtPath(facts.item, condition.field) ?? '') === condition.value;
		case 'promptMatches':
			return condition.pattern.test(patternText(facts.prompt));
		case 'promptContains': {
			const prompt = facts.prompt.toLowerCase();
			return condition.keywords.some((keyword) => prompt.includes(keyword.toLowerCase()));
		}
		case 'hasAttachment':
			return (facts.media?.length ?? 0) > 0;
	}
}

export function describeCondition(condition: RuleCondition): string {
	switch (condition.type) {
		case 'promptTokensAbove':
			return `prompt over ${condition.tokens} tokens`;
		case 'promptTokensBelow':
			return `prompt under ${condition.tokens} tokens`;
		case 'fieldEquals':
			return `${condition.field} is "${condition.value}"`;
		case 'promptMatches':
			return `prompt matches ${condition.pattern}`;
		case 'promptContains':
			return `prompt mentions ${condition.keywords.join(' / ')}`;
		case 'hasAttachment':
			return 'has an attachment';
	}
}
