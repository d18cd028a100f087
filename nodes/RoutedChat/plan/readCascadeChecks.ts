import type { QualityChecks } from '../core';
import { ParameterError } from './parameterError';
import { readRegex } from './readRegex';

export const DEFAULT_CONFIDENCE_FIELD = 'confidence';
export const DEFAULT_MIN_CONFIDENCE = 0.7;

interface RawChecks {
	confidenceField?: string;
	minConfidence?: number;
	minLength?: number;
	mustMatch?: string;
	mustNotMatch?: string;
	notTruncated?: boolean;
	repair?: boolean;
}

export function readCascadeChecks(value: unknown): { checks: QualityChecks; repair: boolean } {
	const raw = (value ?? {}) as RawChecks;
	const checks: QualityChecks = { notTruncated: raw.notTruncated ?? true };
	if (raw.minLength !== undefined) {
		const minLength = Number(raw.minLength);
		if (!Number.isInteger(minLength) || minLength < 0) {
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
	// Either half of the confidence check works alone: the other takes its default.
	if (raw.confidenceField?.trim() || raw.minConfidence !== undefined) {
		const min = Number(raw.minConfidence ?? DEFAULT_MIN_CONFIDENCE);
		if (!Number.isFinite(min) || min < 0 || min > 1) {
			throw new ParameterError(
				'cascadeChecks.minConfidence',
				'Min Confidence must be between 0 and 1',
			);
		}
		checks.confidence = { field: raw.confidenceField?.trim() || DEFAULT_CONFIDENCE_FIELD, min };
	}
	return { checks, repair: raw.repair ?? false };
}
