import { parseUsd } from './cost';
import { meterUsage } from './usage';
import type { MockModel } from './types';

const model: MockModel = { id: 'a/model', pricing: { prompt: '0.000001', completion: '0.000002' } };
const prices = {
	prompt: parseUsd('0.000001'),
	completion: parseUsd('0.000002'),
	request: 0n,
	cacheWrite: parseUsd('0.00000125'),
};
const messages = [{ role: 'user', content: 'x'.repeat(40) }];

describe('meterUsage', () => {
	it('counts one token per 4 characters by default', () => {
		const { usage } = meterUsage(model, prices, messages, 'y'.repeat(20));
		expect([usage.prompt_tokens, usage.completion_tokens]).toEqual([10, 5]);
	});

	it("counts the same text with each model's own tokenizer", () => {
		const { usage, cost } = meterUsage(
			{ ...model, charsPerToken: 2.5 },
			prices,
			messages,
			'y'.repeat(20),
		);
		expect([usage.prompt_tokens, usage.completion_tokens]).toEqual([16, 8]);
		// 16 × $1/M + 8 × $2/M.
		expect(cost).toBe(32_000_000n);
	});

	it('bills the offered tools and earlier tool calls as prompt tokens, as providers do', () => {
		const tools = [{ type: 'function', function: { name: 'f', parameters: {} } }];
		const toolCalls = [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }];
		const withCall = [...messages, { role: 'assistant', content: null, tool_calls: toolCalls }];
		const { usage } = meterUsage(model, prices, withCall, 'y', undefined, undefined, tools);

		// 40 characters of messages, 71 of the earlier call and 61 of the tools: 172 / 4.
		expect(usage.prompt_tokens).toBe(43);
	});
});
