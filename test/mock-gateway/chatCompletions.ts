import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { bearerKeyProblem } from './auth';
import { chatCompletionBody } from './chatCompletionBody';
import { parseChatRequest } from './chatRequest';
import {
	isStatusFault,
	isStreamFault,
	type ReportedStatusFault,
	sendMisbehaviour,
	sendStatusFault,
} from './faults';
import { carriesImage } from './mediaParts';
import { sendStream } from './streamAnswer';
import type { GatewayState } from './gatewayState';
import { sendError, sendJson, type Exchange } from './http';
import { usePromptCache } from './promptCache';
import { thinkAbout } from './reasoning';
import { unknownFieldsProblem } from './strictServer';
import { replyContent } from './reply';
import { toolCallsFor } from './toolTurn';
import type { RecordedChatRequest } from './types';
import { meterUsage } from './usage';

/** POST /chat/completions: tries the chain in order; the first model that does not fail answers. */
export async function handleChatCompletions(
	state: GatewayState,
	{ req, res, recorded }: Exchange,
): Promise<void> {
	const keyProblem = bearerKeyProblem(req, state.apiKey);
	if (keyProblem) return sendError(res, 401, keyProblem);
	const unknownFields = state.strict ? unknownFieldsProblem(recorded.body) : undefined;
	if (unknownFields) return sendError(res, 400, unknownFields);
	const parsed = parseChatRequest(recorded.body);
	if ('problem' in parsed) return sendError(res, 400, parsed.problem);

	const request: RecordedChatRequest = Object.assign(recorded, {
		body: parsed.body,
		chat: { tried: [], served: null },
	});
	const clientGone = new AbortController();
	res.once('close', () => clientGone.abort());

	const chat: ChatExchange = { state, request, res, clientGone: clientGone.signal };
	let failure: ReportedStatusFault | undefined;
	for (const id of parsed.chain) {
		failure = await tryModel(id, chat);
		if (!failure || REQUEST_LEVEL_STATUSES.has(failure.status)) break;
	}
	if (failure) sendStatusFault(res, failure);
}

/**
 * Failures of the account, not of a model (bad key, no credit): another model in `models` would
 * fail the same way, so the gateway answers them at once. Every other status fails over, 400
 * (context length) and 403 (moderation) included: "By default, any error can trigger the use of a
 * fallback model, including context length validation errors, moderation flags for filtered
 * models, rate-limiting, downtime" (https://openrouter.ai/docs/guides/routing/model-fallbacks).
 */
const REQUEST_LEVEL_STATUSES = new Set([401, 402]);

interface ChatExchange {
	state: GatewayState;
	request: RecordedChatRequest;
	res: ServerResponse;
	clientGone: AbortSignal;
}

/** Answers with model `id`, or returns why it failed so that the next model is tried. */
async function tryModel(
	id: string,
	{ state, request, res, clientGone }: ChatExchange,
): Promise<ReportedStatusFault | undefined> {
	request.chat.tried.push(id);
	const script = state.scripts.get(id);
	if (!script) return { status: 404, message: `No endpoints found for ${id}` };
	// OpenRouter's answer when no provider of the model takes images; PDFs it parses for any model.
	if (carriesImage(request.body.messages) && !script.model.inputModalities?.includes('image'))
		return { status: 404, message: 'No endpoints found that support image input' };
	if (!(await waitUnlessGone(script.model.latencyMs ?? 0, clientGone))) return undefined;

	const fault = state.scripts.takeFault(script);
	if (fault && isStatusFault(fault))
		return { ...fault, provider: script.model.provider ?? 'MockProvider' };

	request.chat.served = id;
	const { model } = script;
	const generationId = `gen-${++state.generations}`;
	const toolCalls = toolCallsFor(model, request, generationId);
	const thinking = thinkAbout(model, request.body);
	const content =
		toolCalls || thinking?.cutAtMaxTokens || model.refusal ? '' : replyContent(model, request);
	const written = toolCalls
		? JSON.stringify(toolCalls.map((call) => call.function))
		: (model.refusal ?? content);
	const cache = usePromptCache(state.promptCache, model, request.body.messages);
	const metered = meterUsage(
		model,
		script.prices,
		request.body.messages,
		written,
		thinking,
		cache,
		request.body.tools,
	);
	const { usage } = metered;
	const completion = chatCompletionBody({
		generationId,
		model: model.answerAs ?? id,
		provider: model.provider ?? 'MockProvider',
		content,
		refusal: model.refusal,
		reasoning: thinking?.text,
		toolCalls,
		finishReason: toolCalls
			? 'tool_calls'
			: thinking?.cutAtMaxTokens
				? 'length'
				: (model.finishReason ?? 'stop'),
		usage,
	});
	// A billed answer is charged to the key and its stats kept for GET /generation.
	const bill = (streamed: boolean) => {
		state.spent += metered.cost;
		state.served.set(generationId, {
			id: generationId,
			model: completion.model,
			provider: completion.provider,
			finishReason: completion.choices[0].finish_reason,
			streamed,
			byok: model.byok ?? false,
			metered,
			behaviour: model.generationStats ?? {},
			lookups: 0,
		});
	};
	if (request.body.stream === true) {
		const streamFault = fault && isStreamFault(fault) ? fault : undefined;
		if (!streamFault) bill(true);
		await sendStream(
			res,
			{
				generationId,
				model: completion.model,
				provider: completion.provider,
				content,
				refusal: model.refusal,
				reasoning: thinking?.text,
				toolCalls,
				finishReason: completion.choices[0].finish_reason,
				usage,
			},
			streamFault,
			model.streamGate,
		);
	} else if (fault && !isStreamFault(fault)) {
		sendMisbehaviour(res, fault, completion, state.onHang);
	} else {
		bill(false);
		sendJson(res, 200, completion);
	}
	return undefined;
}

/** Resolves false if the client went away first. */
async function waitUnlessGone(ms: number, clientGone: AbortSignal): Promise<boolean> {
	try {
		await delay(ms, undefined, { signal: clientGone });
		return true;
	} catch {
		return false;
	}
}
