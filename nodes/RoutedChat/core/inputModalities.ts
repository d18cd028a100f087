import type { ChatMessage, InputModality } from './types';

const MODALITIES: readonly InputModality[] = ['image', 'file'];

/** The inputs beyond text that the messages carry, in a fixed order. */
export function neededModalities(messages: readonly ChatMessage[]): InputModality[] {
	const carried = new Set<string>();
	for (const message of messages) for (const part of message.parts ?? []) carried.add(part.type);
	return MODALITIES.filter((modality) => carried.has(modality));
}

/**
 * The first needed modality a model's published inputs lack. Unpublished (a model missing from
 * `/models`, a gateway that does not say) is not a lack: the model is asked.
 */
export function missingModality(
	needs: readonly InputModality[],
	published: readonly string[] | undefined,
): InputModality | undefined {
	if (!published) return undefined;
	return needs.find((modality) => !published.includes(modality));
}
