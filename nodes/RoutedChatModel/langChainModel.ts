import { withCountedStreamTokens } from './countedStreamTokens';
import { withStandardMediaBlocks } from './standardMediaBlocks';

/** The slice of a LangChain message that the node reads; LangChain itself is n8n's, never imported here. */
export interface LangChainMessage {
	content: unknown;
	readonly contentBlocks: Array<Record<string, unknown>>;
	_getType(): string;
	id?: string;
	name?: string;
}

/** The slice of the LangChain chat model that `supplyModel` hands to chains and agents. */
export interface LangChainModel {
	_generate(messages: LangChainMessage[], ...rest: unknown[]): unknown;
	_streamResponseChunks(messages: LangChainMessage[], ...rest: unknown[]): unknown;
	bindTools(tools: unknown[], kwargs?: Record<string, unknown>): LangChainModel;
	withConfig(config: Record<string, unknown>): unknown;
	/** n8n's LLM tracing is one of these. */
	callbacks?: unknown;
}

/**
 * The SDK's (0.31.1) LangChain model, and every model its `bindTools` makes, with what n8n's
 * chains and agents need and the SDK lacks: images and files it can read, a streamed call's
 * counted tokens in the tracing, and `bindTools`' call options kept. The AI Agent's Force Tool
 * Call passes `tool_choice` there; as LangChain's own chat models do, the tool-bound model comes
 * back with them as its config, a binding that the agent uses as it is instead of binding the
 * tools a second time.
 */
export function forChainsAndAgents(model: LangChainModel): LangChainModel {
	withStandardMediaBlocks(model);
	withCountedStreamTokens(model);
	const bindTools = model.bindTools.bind(model);
	model.bindTools = (tools, kwargs) => {
		const bound = forChainsAndAgents(bindTools(tools));
		return kwargs ? (bound.withConfig(kwargs) as LangChainModel) : bound;
	};
	return model;
}
