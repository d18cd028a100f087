import { GatewayError, type ModelInfo, usdToPico } from '../core';
import { modelEntrySchema, modelsListSchema } from './gatewaySchema';

/** Reads `GET /models` into model ids with exact per-token prices and their input modalities. */
export function readModels(body: unknown): ModelInfo[] {
	const parsed = modelsListSchema.safeParse(body);
	if (!parsed.success) {
		throw new GatewayError('malformed_response', 'Malformed model list from the gateway');
	}
	return parsed.data.flatMap((entry) => {
		const read = modelEntrySchema.safeParse(entry);
		if (!read.success) return [];
		const model = read.data;
		const promptPicoUsd = picoPrice(model.pricing?.prompt);
		const completionPicoUsd = picoPrice(model.pricing?.completion);
		const requestPicoUsd = picoPrice(model.pricing?.request);
		const cacheWritePicoUsd = picoPrice(model.pricing?.input_cache_write);
		return {
			id: model.id,
			name: model.name ?? model.id,
			contextLength: model.context_length ?? model.max_model_len ?? null,
			price:
				promptPicoUsd === null || completionPicoUsd === null
					? null
					: {
							promptPicoUsd,
							completionPicoUsd,
							...(requestPicoUsd && { requestPicoUsd }),
							...(cacheWritePicoUsd && { cacheWritePicoUsd }),
						},
			inputModalities: model.architecture?.input_modalities ?? undefined,
		};
	});
}

/** A published per-token price; null when there is none or it is not fixed ("-1"). */
function picoPrice(usd: string | number | null | undefined): number | null {
	// Twelve decimals are a pico-dollar: the number's exact price, as its text would give it.
	if (typeof usd === 'number') return usdToPico(usd.toFixed(12));
	return usd ? usdToPico(usd) : null;
}
