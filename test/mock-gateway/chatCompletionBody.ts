import type { ToolCallWire } from './toolTurn';
import type { UsageWire } from './usage';

/** A chat completion as OpenRouter sends it; `provider` is OpenRouter's addition, untyped in the SDK. */
export interface ChatCompletionWire {
	id: string;
	object: 'chat.completion';
	created: number;
	model: string;
	provider: string;
	system_fingerprint: null;
	choices: ChatChoiceWire[];
	usage: UsageWire;
}

export interface ChatChoiceWire {
	index: number;
	finish_reason: string;
	native_finish_reason: string;
	logprobs: null;
	message: {
		role: 'assistant';
		content: string | null;
		refusal: string | null;
		reasoning?: string;
		tool_calls?: ToolCallWire[];
	};
}

export interface Answer {
	generationId: string;
	model: string;
	provider: string;
	content: string;
	/** The model declined: `message.refusal`, with no content. */
	refusal?: string;
	/** OpenRouter's `message.reasoning`, when the model reasoned and it was not excluded. */
	reasoning?: string | null;
	toolCalls?: ToolCallWire[];
	finishReason: string;
	usage: UsageWire;
}

export function chatCompletionBody(answer: Answer): ChatCompletionWire {
	return {
		id: answer.generationId,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: answer.model,
		provider: answer.provider,
		system_fingerprint: null,
		choices: [
			{
				index: 0,
				finish_reason: answer.finishReason,
				native_finish_reason: answer.finishReason,
				logprobs: null,
				message: {
					role: 'assistant',
					content: answer.toolCalls || answer.refusal ? null : answer.content,
					refusal: answer.refusal ?? null,
					...(answer.reasoning ? { reasoning: answer.reasoning } : {}),
					...(answer.toolCalls ? { tool_calls: answer.toolCalls } : {}),
				},
			},
		],
		usage: answer.usage,
	};
}
