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
	])('explains %s', (input, message) => {
		expect(() => readMessages(input)).toThrow(message);
	});
});
