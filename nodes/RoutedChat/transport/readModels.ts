import { GatewayError, type ModelInfo, usdToPico } from '../core';
import { modelsListSchema } from './gatewaySchema';

/** Reads `GET /models` into model ids with exact per-token prices and their input modalities. */
export function readModels(body: unknown): ModelInfo[] {
	const parsed = modelsListSchema.safeParse(body);
	if (!parsed.success) {
		throw new GatewayError('malformed_response', 'Malformed model list from the gateway');
	}
	return parsed.data.data.map((model) => {
		const promptPicoUsd = picoPrice(model.pricing?.prompt);
		const completionPicoUsd = picoPrice(model.pricing?.completion);
		return {
			id: model.id,
			name: model.name ?? model.id,
			contextLength: model.context_length ?? null,
			price:
				promptPicoUsd === null || completionPicoUsd === null
					? null
					: { promptPicoUsd, completionPicoUsd },
			inputModalities: model.architecture?.input_modalities ?? undefined,
		};
	});
}

/** A published per-token price; null when there is none or it is not fixed ("-1"). */
function picoPrice(usd: string | null | undefined): number | null {
	return usd ? usdToPico(usd) : null;
}
