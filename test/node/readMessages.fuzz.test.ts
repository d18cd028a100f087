import fc from 'fast-check';

import type { ChatMessage } from '../../nodes/RoutedChat/core';
import { ParameterError } from '../../nodes/RoutedChat/plan/parameterError';
import { readMessages } from '../../nodes/RoutedChat/plan/readMessages';

/** Every role the parser knows; `roles` are those that need nothing but content. */
const KNOWN_ROLES = ['system', 'developer', 'user', 'assistant', 'tool'];
const roles = fc.constantFrom('system', 'developer', 'user', 'assistant');
const message = fc.record({ role: roles, content: fc.string() });
const conversation = fc.array(message, { minLength: 1 });
const almostMessage = fc.record(
	{
		role: fc.oneof(roles, fc.string(), fc.integer(), fc.constant(null)),
		content: fc.oneof(fc.string(), fc.integer(), fc.constant(undefined), fc.object()),
	},
	{ requiredKeys: [] },
);

/**
 * A message the parser must refuse: an unknown role, content that is neither text nor parts, a tool
 * result that names no call, or no object at all.
 */
const brokenMessage = fc.oneof(
	fc.record({
		role: fc.string().filter((role) => !KNOWN_ROLES.includes(role)),
		content: fc.string(),
	}),
	fc.record({
		role: roles,
		content: fc.oneof(fc.integer(), fc.boolean(), fc.dictionary(fc.string(), fc.string())),
	}),
	fc.record({ role: fc.constant('tool'), content: fc.string() }),
	fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
);

/** A conversation with one message broken, or a value that is no conversation at all. */
const brokenInput = fc.oneof(
	fc.tuple(conversation, brokenMessage, fc.nat()).map(([messages, broken, at]): unknown[] => {
		const withBroken: unknown[] = [...messages];
		withBroken[at % messages.length] = broken;
		return withBroken;
	}),
	fc.constant([]),
	fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(fc.string(), fc.string())),
	fc.string().filter((text) => !isJson(text)),
);

/** Whatever a user (or an expression) can put in the Messages field. */
const anyInput = fc.oneof(
	fc.jsonValue(),
	fc.json(),
	fc.string(),
	conversation,
	conversation.map((value) => JSON.stringify(value)),
	fc.array(almostMessage),
	fc.array(almostMessage).map((value) => JSON.stringify(value)),
	fc.anything(),
);

function isJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

/** What readMessages does with `input`: the messages it read, or what it threw. */
function outcomeOf(input: unknown): { messages: ChatMessage[] } | { thrown: unknown } {
	try {
		return { messages: readMessages(input) };
	} catch (thrown) {
		return { thrown };
	}
}

function expectMessagesError(outcome: ReturnType<typeof outcomeOf>): void {
	expect(outcome).toEqual({ thrown: expect.any(ParameterError) });
	const { parameter, message } = (outcome as { thrown: ParameterError }).thrown;
	expect(parameter).toBe('messages');
	expect(message).toMatch(/\S/);
}

describe('the Messages parser', () => {
	it('accepts every well-formed conversation as it is', () => {
		fc.assert(
			fc.property(conversation, fc.boolean(), (messages, asText) => {
				expect(readMessages(asText ? JSON.stringify(messages) : messages)).toEqual(messages);
			}),
		);
	});

	it('rejects every broken conversation with a ParameterError that names messages', () => {
		fc.assert(
			fc.property(brokenInput, fc.boolean(), (input, asText) => {
				expectMessagesError(
					outcomeOf(asText && typeof input !== 'string' ? JSON.stringify(input) : input),
				);
			}),
			{ numRuns: 1000 },
		);
	});

	it('on any input, returns every message it was given, in order, or throws only a ParameterError', () => {
		const runs = 2000;
		const seen = { read: 0, rejected: 0 };
		fc.assert(
			fc.property(anyInput, (input) => {
				const outcome = outcomeOf(input);
				if ('thrown' in outcome) {
					seen.rejected += 1;
					expectMessagesError(outcome);
					return;
				}
				seen.read += 1;
				const given = (typeof input === 'string' ? JSON.parse(input) : input) as unknown[];
				expect(outcome.messages.map((read) => read.role)).toEqual(
					given.map((sent) => (sent as { role: unknown }).role),
				);
				for (const read of outcome.messages) expect(typeof read.content).toBe('string');
			}),
			{ numRuns: runs },
		);
		// Both sides are exercised: neither outcome is a rare corner of the inputs (each is about a
		// quarter or more).
		expect(seen.read).toBeGreaterThan(runs / 10);
		expect(seen.rejected).toBeGreaterThan(runs / 10);
	});

	it.each([
		['{"role":"user"}', 'messages must be a JSON array of {role, content}'],
		['[]', 'messages must hold at least one message'],
		[
			'[{"role":"robot","content":"hi"}]',
			'messages[0].role: role must be one of system, developer, user, assistant',
		],
		[
			'[{"role":"user","content":"a"},{"role":"user","content":3}]',
			'messages[1].content: content must be a string',
		],
		['[{"role":"user", content: "unquoted"}]', 'Messages is not valid JSON'],
		[
			'[{"role":"user","content":"a"},{"role":"tool","content":"391"}]',
			'messages[1].tool_call_id: tool_call_id must be a string',
		],
		[
			'[{"role":"user","content":"a"},{"role":"assistant","content":null}]',
			'messages[1].content: content must be a string (it may be null only when tool_calls is given)',
		],
		[
			'[{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":7}}]}]',
			'messages[0].tool_calls[0].function.arguments: arguments must be a JSON string or an object',
		],
		[
			'[{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{}"}}]},{"role":"tool","tool_call_id":"c2","content":"x"}]',
			'messages[1].tool_call_id: "c2" answers no tool call of an earlier assistant message',
		],
	])('explains %s', (input, message) => {
		expect(() => readMessages(input)).toThrow(message);
	});
});
