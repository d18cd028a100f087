import fc from 'fast-check';

import { ParameterError } from '../../nodes/RoutedChat/plan/parameterError';
import { readMessages } from '../../nodes/RoutedChat/plan/readMessages';

const roles = fc.constantFrom('system', 'developer', 'user', 'assistant');
const message = fc.record({ role: roles, content: fc.string() });
const almostMessage = fc.record(
	{
		role: fc.oneof(roles, fc.string(), fc.integer(), fc.constant(null)),
		content: fc.oneof(fc.string(), fc.integer(), fc.constant(undefined), fc.object()),
	},
	{ requiredKeys: [] },
);

/** Whatever a user (or an expression) can put in the Messages field. */
const anyInput = fc.oneof(
	fc.jsonValue(),
	fc.json(),
	fc.string(),
	fc.array(almostMessage),
	fc.array(almostMessage).map((value) => JSON.stringify(value)),
	fc.anything(),
);

describe('the Messages parser', () => {
	it('accepts every well-formed conversation as it is', () => {
		fc.assert(
			fc.property(fc.array(message, { minLength: 1 }), fc.boolean(), (messages, asText) => {
				expect(readMessages(asText ? JSON.stringify(messages) : messages)).toEqual(messages);
			}),
		);
	});

	it('never throws anything but a ParameterError that names what is wrong', () => {
		fc.assert(
			fc.property(anyInput, (input) => {
				let thrown: unknown;
				try {
					readMessages(input);
				} catch (error) {
					thrown = error;
				}
				if (thrown === undefined) return;
				expect(thrown).toBeInstanceOf(ParameterError);
				expect((thrown as ParameterError).parameter).toBe('messages');
				expect((thrown as ParameterError).message).toMatch(/\S/);
			}),
			{ numRuns: 2000 },
		);
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
