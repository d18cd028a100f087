import { parseJsonAnswer } from './parseJsonAnswer';
import { patternText } from './patternText';
import type { TextPattern } from './textPattern';
import type { RouteResult } from './types';
import { valueAtPath } from './valueAtPath';

/** What a cheap answer must pass before a cascade accepts it. */
export interface QualityChecks {
	minLength?: number;
	mustMatch?: TextPattern;
	mustNotMatch?: TextPattern;
	/** Reject an answer the model cut off at the token limit. */
	notTruncated?: boolean;
	/** A numeric field of the JSON answer the model fills with its own confidence (0–1). */
	confidence?: { field: string; min: number };
}

export interface QualityVerdict {
	/** Every check the answer fails, as sentences a model (for a repair) and a person can read. */
	problems: string[];
	/** Telling the model what was wrong can fix these; it cannot honestly raise its own confidence. */
	repairable: boolean;
}

export function judgeAnswer(
	result: Pick<RouteResult, 'content' | 'json' | 'finishReason' | 'toolCalls'>,
	checks: QualityChecks,
): QualityVerdict {
	// A turn that calls tools is not the answer yet: the checks apply to the one after the results.
	if (result.toolCalls?.length) return { problems: [], repairable: true };
	const problems: string[] = [];
	const { content } = result;
	if (checks.minLength !== undefined && content.trim().length < checks.minLength) {
		problems.push(
			`the answer is ${content.trim().length} characters long, shorter than the ${checks.minLength} required`,
		);
	}
	if (checks.mustMatch && !checks.mustMatch.test(patternText(content)))
		problems.push(`the answer does not match ${checks.mustMatch}`);
	if (checks.mustNotMatch?.test(patternText(content)))
		problems.push(`the answer matches ${checks.mustNotMatch}, which it must not`);
	if (checks.notTruncated && result.finishReason === 'length')
		problems.push('the answer was cut off at the token limit');
	const confidence = checks.confidence ? confidenceProblems(result, checks.confidence) : [];
	return { problems: [...problems, ...confidence], repairable: confidence.length === 0 };
}

function confidenceProblems(
	result: Pick<RouteResult, 'content' | 'json'>,
	rule: { field: string; min: number },
): string[] {
	const json = result.json ?? (parseJsonAnswer(result.content) as { value?: unknown }).value;
	const value = valueAtPath(json, rule.field);
	if (typeof value !== 'number')
		return [`the answer has no numeric "${rule.field}" confidence field`];
	return value < rule.min ? [`the model's confidence ${value} is below ${rule.min}`] : [];
}
