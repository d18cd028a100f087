/**
 * The one file that touches `@n8n/ai-node-sdk` (a preview API that may change):
 * SDK messages and tools in, the routing core's result out as SDK results.
 * The SDK is loaded only when a chain or agent asks for the model, so the
 * package still loads on an n8n that does not ship it.
 */
import type {
	ChatModelConfig,
	ContentFile,
	FinishReason,
	GenerateResult,
	Message,
	MessageContent,
	StreamChunk,
	Tool,
} from '@n8n/ai-node-sdk';
import { type ISupplyDataFunctions, NodeOperationError, type SupplyData } from 'n8n-workflow';

import type {
	ChatMessage,
	ContentPart,
	RoutedItem,
	StreamDelta,
	ToolCall,
	ToolChoice,
	ToolDefinition,
} from '../RoutedChat/core';
import { ChunkQueue } from './chunkQueue';
import { partsText } from '../RoutedChat/plan/contentParts';
import { mediaBytes, totalProblem } from '../RoutedChat/plan/mediaLimits';
import { toMediaPart } from './handedMedia';
import { forChainsAndAgents, type LangChainModel } from './langChainModel';
import { toToolChoice } from './toolChoice';

type Sdk = typeof import('@n8n/ai-node-sdk');

/** The n8n release this package was built and tested against with the SDK. */
const SDK_N8N_VERSION = '2.41.1';

/** One model call: the conversation and tools the chain or agent passes, routed by the core; streamed to `onDelta` when given. */
export type RouteCall = (
	call: {
		messages: ChatMessage[];
		tools: ToolDefinition[];
		toolChoice?: ToolChoice;
		signal?: AbortSignal;
	},
	onDelta?: (delta: StreamDelta) => void,
) => Promise<RoutedItem>;

/** What the chain or agent sees as the model's provider and id. */
interface ModelIdentity {
	provider: string;
	modelId: string;
}

/**
 * `require`, not `import()`: n8n resolves a community package's `require` of its
 * own packages from n8n's install; an ES import from the package's folder would not find it.
 */
function loadSdk(context: ISupplyDataFunctions): Sdk {
	try {
		return require('@n8n/ai-node-sdk') as Sdk;
	} catch (error) {
		throw new NodeOperationError(
			context.getNode(),
			`Routed Chat Model needs n8n ${SDK_N8N_VERSION} or newer, which provides @n8n/ai-node-sdk; this n8n does not`,
			{
				description: `${error instanceof Error ? error.message : String(error)}. The Routed Chat node works on this version.`,
			},
		);
	}
}

/** Builds the chat model over `route` and hands it to n8n through the SDK's `supplyModel`. */
export async function supplyRoutedChatModel(
	context: ISupplyDataFunctions,
	identity: ModelIdentity,
	route: RouteCall,
): Promise<SupplyData> {
	const sdk = loadSdk(context);

	class RoutedChatModel extends sdk.BaseChatModel {
		async generate(messages: Message[], config?: ChatModelConfig): Promise<GenerateResult> {
			return toGenerateResult(await route(this.call(messages, config)));
		}

		/**
		 * Deltas as the serving model writes them. A failure throws, before the first
		 * one (the core has already tried the rest of the chain) or after it (naming the
		 * model and the cause): the SDK's `error` chunk would end the answer cut short
		 * for a chain or agent that goes on as if it were whole.
		 */
		async *stream(messages: Message[], config?: ChatModelConfig): AsyncIterable<StreamChunk> {
			const queue = new ChunkQueue<StreamChunk>();
			const callIds = new Map<number, string>();
			const onDelta = (delta: StreamDelta) => queue.push(toStreamChunk(delta, callIds));
			route(this.call(messages, config), onDelta).then(
				(result) => {
					const { finishReason, usage } = toGenerateResult(result);
					queue.push({ type: 'finish', finishReason: finishReason ?? 'stop', usage });
					queue.close();
				},
				(error: unknown) => queue.fail(error),
			);
			yield* queue;
		}

		private call(messages: Message[], config: ChatModelConfig | undefined) {
			const chatMessages = messages.map((message, index) => {
				try {
					return toChatMessage(message, index);
				} catch (error) {
					throw new NodeOperationError(context.getNode(), error as Error);
				}
			});
			const overTotal = totalProblem(mediaBytes(chatMessages), 'The images and files of the call');
			if (overTotal) throw new NodeOperationError(context.getNode(), overTotal);
			return {
				messages: chatMessages,
				tools: this.tools.flatMap((tool) => toToolDefinition(sdk, tool)),
				toolChoice: toToolChoice(langChainOption(config, 'tool_choice')),
				signal: signalOf(config),
			};
		}
	}

	const supplied = sdk.supplyModel(
		context,
		new RoutedChatModel(identity.provider, identity.modelId),
	);
	return { ...supplied, response: forChainsAndAgents(supplied.response as LangChainModel) };
}

/** LangChain passes its abort signal as `signal`; the SDK's own name is `abortSignal`. */
function signalOf(config: ChatModelConfig | undefined): AbortSignal | undefined {
	return config?.abortSignal ?? (langChainOption(config, 'signal') as AbortSignal | undefined);
}

/** The SDK's LangChain adapter passes LangChain's call options on as the config, under their own names. */
function langChainOption(config: ChatModelConfig | undefined, name: string): unknown {
	return (config as Record<string, unknown> | undefined)?.[name];
}

function toChatMessage(message: Message, index: number): ChatMessage {
	const files = message.content.filter((part) => part.type === 'file');
	if (files.length && message.role !== 'user')
		throw new Error(
			`Message ${index + 1} (${message.role}) carries a file or image; only a user message may`,
		);
	if (files.length) return withMedia(message.content, index);
	const text = message.content
		.filter((part) => part.type === 'text')
		.map((part) => part.text)
		.join('');
	if (message.role === 'tool') {
		const result = message.content.find((part) => part.type === 'tool-result');
		return {
			role: 'tool',
			toolCallId: result?.toolCallId ?? '',
			content: result ? resultText(result.result) : text,
		};
	}
	if (message.role === 'assistant') {
		const toolCalls: ToolCall[] = message.content.flatMap((part) =>
			part.type === 'tool-call'
				? [{ id: part.toolCallId ?? '', name: part.toolName, arguments: part.input }]
				: [],
		);
		return toolCalls.length
			? { role: 'assistant', content: text, toolCalls }
			: { role: 'assistant', content: text };
	}
	return { role: message.role, content: text };
}

/** A user message's text, images and files in order, as the core's parts. */
function withMedia(content: MessageContent[], index: number): ChatMessage {
	const parts: ContentPart[] = content.flatMap((part, at): ContentPart[] => {
		if (part.type === 'text') return [{ type: 'text', text: part.text }];
		if (part.type === 'file')
			return [toMediaPart(handed(part), `Message ${index + 1}, part ${at + 1}`)];
		return [];
	});
	return { role: 'user', content: partsText(parts), parts };
}

/** The SDK keeps a URL and a file name, when the sender gave them, in `providerMetadata`. */
function handed(part: ContentFile) {
	const { url, filename } = part.providerMetadata ?? {};
	return {
		mediaType: part.mediaType,
		data: part.data,
		url: typeof url === 'string' ? url : undefined,
		filename: typeof filename === 'string' ? filename : undefined,
	};
}

function resultText(result: unknown): string {
	return typeof result === 'string' ? result : JSON.stringify(result);
}

/** Function tools only: provider tools (a vendor's built-in search…) have no OpenAI-format equivalent here. */
function toToolDefinition(sdk: Sdk, tool: Tool): ToolDefinition[] {
	if (tool.type !== 'function') return [];
	return [
		{
			name: tool.name,
			description: tool.description,
			parameters: sdk.getParametersJsonSchema(tool) as Record<string, unknown>,
		},
	];
}

/**
 * The SDK's LangChain adapter gives every tool-call chunk index 0, and LangChain joins chunks of
 * one index into one call unless both carry ids that differ: so each chunk carries its call's id
 * (`callIds`, by the call's index), which the gateway sends only with a call's first chunk.
 */
function toStreamChunk(delta: StreamDelta, callIds: Map<number, string>): StreamChunk {
	if (delta.type === 'text') return { type: 'text-delta', delta: delta.text };
	if (delta.id) callIds.set(delta.index, delta.id);
	return {
		type: 'tool-call-delta',
		id: callIds.get(delta.index),
		name: delta.name,
		argumentsDelta: delta.arguments,
	};
}

const FINISH_REASONS: Record<string, FinishReason> = {
	stop: 'stop',
	length: 'length',
	tool_calls: 'tool-calls',
	content_filter: 'content-filter',
	error: 'error',
};

function toGenerateResult(result: RoutedItem): GenerateResult {
	const content: MessageContent[] = [];
	if (result.content) content.push({ type: 'text', text: result.content });
	for (const call of result.toolCalls ?? []) {
		content.push({
			type: 'tool-call',
			toolCallId: call.id,
			toolName: call.name,
			input: call.arguments || '{}',
		});
	}
	return {
		id: result.generationId ?? undefined,
		finishReason: result.finishReason
			? (FINISH_REASONS[result.finishReason] ?? 'other')
			: result.toolCalls?.length
				? 'tool-calls'
				: 'stop',
		usage: {
			promptTokens: result.usage.promptTokens,
			completionTokens: result.usage.completionTokens,
			totalTokens: result.usage.totalTokens,
			inputTokenDetails: { cacheRead: result.usage.cachedTokens },
			outputTokenDetails: { reasoning: result.usage.reasoningTokens },
		},
		message: { role: 'assistant', content },
	};
}
