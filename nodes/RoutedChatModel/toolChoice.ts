import type { ToolChoice } from '../RoutedChat/core';

/**
 * LangChain's `tool_choice` call option (which the AI Agent's Force Tool Call sets to `any`) in
 * the core's terms, read as LangChain's OpenAI model reads it: `any` and `required` require a
 * tool, another name picks that function; undefined when none is given.
 */
export function toToolChoice(choice: unknown): ToolChoice | undefined {
	if (choice === 'any' || choice === 'required') return 'required';
	if (choice === 'auto' || choice === 'none') return choice;
	if (typeof choice === 'string' && choice) return { function: choice };
	const name = (choice as { function?: { name?: unknown } } | undefined)?.function?.name;
	return typeof name === 'string' && name ? { function: name } : undefined;
}
