import type { QualityChecks } from '../core';
import { ParameterError } from './parameterError';
import { numberValue } from './numberValue';
import { readRegex } from './readRegex';

export const DEFAULT_CONFIDENCE_FIELD = 'confidence';
export const DEFAULT_MIN_CONFIDENCE = 0.7;

/** The Checks as the workflow holds them; an expression may have put anything in any field. */
interface RawChecks {
	confidenceField?: unknown;
	minConfidence?: unknown;
	minLength?: unknown;
	mustMatch?: unknown;
	mustNotMatch?: unknown;
	notTruncated?: unknown;
	repair?: unknown;
}

export function readCascadeChecks(value: unknown): { checks: QualityChecks; repair: boolean } {
	const raw = (value ?? {}) as RawChecks;
	const checks: QualityChecks = {
		notTruncated: readSwitch(raw.notTruncated, 'notTruncated', 'Not Cut Off') ?? true,
	};
	if (raw.minLength !== undefined) {
		const minLength = numberValue(raw.minLength);
		if (minLength === undefined || !Number.isInteger(minLength) || minLength < 0) {
			throw new ParameterError(
				'cascadeChecks.minLength',
				'Min Length must be a whole number of 0 or more',
			);
		}
		checks.minLength = minLength;
	}
	if (raw.mustMatch) checks.mustMatch = readRegex(raw.mustMatch, 'cascadeChecks.mustMatch');
	if (raw.mustNotMatch)
		checks.mustNotMatch = readRegex(raw.mustNotMatch, 'cascadeChecks.mustNotMatch');
	if (raw.confidenceField !== undefined && typeof raw.confidenceField !== 'string')
		throw new ParameterError(
			'cascadeChecks.confidenceField',
			'Confidence Field must be text',
			'e.g. confidence',
		);
	const confidenceField = raw.confidenceField?.trim();
	// Either half of the confidence check works alone: the other takes its default.
	if (confidenceField || raw.minConfidence !== undefined) {
		const min = numberValue(raw.minConfidence ?? DEFAULT_MIN_CONFIDENCE);
		if (min === undefined || min < 0 || min > 1) {
			throw new ParameterError(
				'cascadeChecks.minConfidence',
				'Min Confidence must be between 0 and 1',
			);
		}
		checks.confidence = { field: confidenceField || DEFAULT_CONFIDENCE_FIELD, min };
	}
	return { checks, repair: readSwitch(raw.repair, 'repair', 'Repair Before Escalating') ?? false };
}

function readSwitch(value: unknown, field: string, label: string): boolean | undefined {
	if (value === undefined || typeof value === 'boolean') return value;
	throw new ParameterError(`cascadeChecks.${field}`, `${label} must be true or false`);
}
