import type { RoutingRule, RuleCondition, RuleTarget } from '../core';
import { ParameterError } from './parameterError';
import { readModelId } from './readModelList';
import { readRegex } from './readRegex';

interface RawRule {
	condition?: string;
	tokens?: number;
	field?: string;
	value?: string;
	keywords?: string;
	pattern?: string;
	target?: string;
	model?: string;
}

/** The Rules parameter ({ rule: [...] }) into checked rules. */
export function readRules(value: unknown): RoutingRule[] {
	const raw = ((value as { rule?: RawRule[] } | undefined)?.rule ?? []) as RawRule[];
	return raw.map((rule, index) => {
		const at = `rules[${index + 1}]`;
		return { condition: readCondition(rule, at), target: readTarget(rule, at) };
	});
}

/** The editor's default, for a rule that has no condition (an expression for it can give nothing). */
const DEFAULT_CONDITION = 'promptTokensAbove';

function readCondition(rule: RawRule, at: string): RuleCondition {
	const condition = rule.condition ?? DEFAULT_CONDITION;
	switch (condition) {
		case 'promptTokensAbove':
		case 'promptTokensBelow': {
			const tokens = Number(rule.tokens);
			if (!Number.isFinite(tokens) || tokens < 0)
				throw new ParameterError(`${at}.tokens`, 'Tokens must be a number of 0 or more');
			return { type: condition, tokens };
		}
		case 'fieldEquals':
			if (!rule.field?.trim())
				throw new ParameterError(
					`${at}.field`,
					'Name the item field to compare',
					'e.g. customer.plan',
				);
			return { type: 'fieldEquals', field: rule.field.trim(), value: String(rule.value ?? '') };
		case 'promptContains': {
			const keywords = (rule.keywords ?? '')
				.split(',')
				.map((k) => k.trim())
				.filter(Boolean);
			if (!keywords.length)
				throw new ParameterError(
					`${at}.keywords`,
					'List at least one keyword',
					'Separate keywords with commas',
				);
			return { type: 'promptContains', keywords };
		}
		case 'promptMatches':
			return { type: 'promptMatches', pattern: readRegex(rule.pattern, `${at}.pattern`) };
		case 'hasAttachment':
			return { type: 'hasAttachment' };
		default:
			throw new ParameterError(`${at}.condition`, `Unknown condition "${condition}"`);
	}
}

function readTarget(rule: RawRule, at: string): RuleTarget {
	if (rule.target === 'model') return { model: readModelId(rule.model, `${at}.model`) };
	if (rule.target === 'cheap' || rule.target === 'strong' || rule.target === undefined)
		return { tier: rule.target ?? 'strong' };
	throw new ParameterError(`${at}.target`, `Unknown target "${rule.target}"`);
}
