import type { ModelInfo, ModelPrice } from './chatClient';

export type PriceBook = ReadonlyMap<string, ModelPrice>;

interface Entry {
	expiresAt: number;
	book: Promise<PriceBook | undefined>;
}

/**
 * Published prices per gateway, fetched at most once per TTL and shared by
 * concurrent callers. Safe to lose: a miss costs one `/models` request.
 */
export class PricingCache {
	private readonly entries = new Map<string, Entry>();

	constructor(private readonly ttlMs: number) {}

	get(
		gateway: string,
		now: number,
		load: () => Promise<ModelInfo[]>,
	): Promise<PriceBook | undefined> {
		const cached = this.entries.get(gateway);
		if (cached && now < cached.expiresAt) return cached.book;
		const entry: Entry = {
			expiresAt: now + this.ttlMs,
			book: load().then(toPriceBook, () => {
				// A failed load is not cached: the next caller tries again. A newer entry is left alone.
				if (this.entries.get(gateway) === entry) this.entries.delete(gateway);
				return undefined;
			}),
		};
		this.entries.set(gateway, entry);
		return entry.book;
	}
}

function toPriceBook(models: ModelInfo[]): PriceBook {
	const book = new Map<string, ModelPrice>();
	for (const model of models) {
		if (model.price)
			book.set(model.id, {
				...model.price,
				contextLength: model.contextLength ?? undefined,
				inputModalities: model.inputModalities,
			});
	}
	return book;
}
