import { type CascadeRun, costFigures } from './cascadeRun';

const usd = (nano: number) => `$${(nano / 1e9).toFixed(6)}`;
const saved = (spent: number, strongOnly: number) =>
	`${((100 * (strongOnly - spent)) / strongOnly).toFixed(1)}% saved`;

/** The cascade example's cost against sending every ticket to the strong tier, as printed after the checks. */
export function costComparison(run: CascadeRun): string[] {
	const { cascade, measured, estimated } = costFigures(run);
	return [
		`cascade ${usd(cascade)} vs strong-only ${usd(measured)} (${saved(cascade, measured)}): measured, the same tickets with Routing = Tier, strong`,
		`cascade ${usd(cascade)} vs strong-only ${usd(estimated)} (${saved(cascade, estimated)}): the summary item's strongestOnlyCostUsd`,
	];
}
