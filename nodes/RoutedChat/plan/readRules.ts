import type { RoutingRule, RuleCondition, RuleTarget } from '../core';
import { ParameterError } from './parameterError';
import { readModelId } from './readModelList';
import { numberValue } from './numberValue';
import { readRegex } from './readRegex';

/** A rule as the workflow holds it; an expression may have put anything in any field. */
interface RawRule {
	condition?: unknown;
	tokens?: unknown;
	field?: unknown;
	value?: unknown;
	keywords?: unknown;
	pattern?: unknown;
	target?: unknown;
	model?: unknown;
}

/** The Rules parameter ({ rule: [...] }) into checked rules. */
export function readRules(value: unknown): RoutingRule[] {
	const raw = (value as { rule?: unknown } | undefined)?.rule ?? [];
	if (!Array.isArray(raw)) throw new ParameterError('rules', 'Rules must be a list of rules');
	return raw.map((entry: unknown, index) => {
		const rule: RawRule = entry !== null && typeof entry === 'object' ? entry : {};
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
			const tokens = numberValue(rule.tokens);
			if (tokens === undefined || tokens < 0)
				throw new ParameterError(`${at}.tokens`, 'Prompt Tokens must be a number of 0 or more');
			return { type: condition as 'promptTokensAbove' | 'promptTokensBelow', tokens };
		}
		case 'fieldEquals': {
			const field = typeof rule.field === 'string' ? rule.field.trim() : '';
			if (!field)
				throw new ParameterError(
					`${at}.field`,
					'Name the item field to compare',
					'e.g. customer.plan',
				);
			return { type: 'fieldEquals', field, value: String(rule.value ?? '') };
		}
		case 'promptContains': {
			const keywords = keywordList(rule.keywords)
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
			throw new ParameterError(`${at}.condition`, `Unknown condition "${String(condition)}"`);
	}
}

/** Keywords separated by commas, or the list an expression gave. */
function keywordList(value: unknown): string[] {
	if (typeof value === 'string') return value.split(',');
	return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
}

function readTarget(rule: RawRule, at: string): RuleTarget {
	if (rule.target === 'model') return { model: readModelId(rule.model, `${at}.model`) };
	if (rule.target === 'cheap' || rule.target === 'strong' || rule.target === undefined)
		return { tier: rule.target ?? 'strong' };
	throw new ParameterError(`${at}.target`, `Unknown target "${String(rule.target)}"`);
}
