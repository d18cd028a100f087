import { type ChatCompletion, compilePattern } from '../../nodes/RoutedChat/core';
import { checkAnswer } from '../../nodes/RoutedChat/core/checkAnswer';
import { judgeAnswer } from '../../nodes/RoutedChat/core/qualityChecks';
import type { Row } from '../report';
import { median, nowMs } from '../support/stats';

const ANSWER_CHARS = 1_000_000;
const RUNS = 7;
const TARGET_MS = 20;

/**
 * A 1 MB answer that opens a JSON fence and never closes it: a backtracking fence regex took
 * seconds on 4,000 such blank lines. Parsed as JSON, then judged as a cascade's cheap answer.
 */
export function pathologicalAnswer(): Row[] {
	const content = '```json' + '\n'.repeat(ANSWER_CHARS - 7);
	const completion: ChatCompletion = {
		id: null,
		model: 'bench/model',
		provider: null,
		content,
		finishReason: 'stop',
		usage: null,
		gatewayCostUsd: null,
		upstreamCostUsd: null,
		raw: null,
	};
	// As the node compiles a Checks pattern: matched in linear time, not by RegExp.
	const mustMatch = compilePattern('^\\{');
	const times: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const started = nowMs();
		const check = checkAnswer(completion, { responseFormat: { type: 'json_object' } });
		const verdict = judgeAnswer(
			{ content, finishReason: 'stop' },
			{ mustMatch, confidence: { field: 'confidence', min: 0.5 } },
		);
		times.push(nowMs() - started);
		if (check.ok || verdict.problems.length !== 2)
			throw new Error('The pathological answer was not refused as the row expects');
	}
	return [
		{
			name: 'Pathological answer: parse + check a 1 MB unclosed fence',
			value: median(times),
			unit: 'ms',
			target: { op: '<=', value: TARGET_MS },
			detail: `median of ${RUNS} runs; JSON check, then must-match and confidence checks`,
		},
	];
}
