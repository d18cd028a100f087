/**
 * The canvas subtitle of Routed Chat and Routed Chat Model, following the Routing mode. On the canvas there is no item, so a Tier or
 * Model set by an expression on the item cannot be resolved: reading it throws, which would blank
 * the whole subtitle, hence the try.
 */
export const subtitle = `={{ (() => {
	const routing = $parameter["routing"];
	if (routing === "rules") return "Rules";
	if (routing === "cascade") return "Cascade: cheap → strong";
	try {
		if (routing === "pinned") {
			const model = $parameter["model"];
			return "Pinned: " + ((typeof model === "string" ? model : model && model.value) || "choose a model");
		}
		return "Tier: " + $parameter["tier"];
	} catch (error) {
		return routing === "pinned" ? "Pinned (per item)" : "Tier (per item)";
	}
})() }}`;
