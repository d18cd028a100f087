/** Rows of cells as aligned columns: a header, a rule, the body, a rule and a footer row. */
export function formatColumns(
	header: string[],
	body: string[][],
	footer: string[],
	rightAligned: ReadonlySet<number>,
): string {
	const table = [header, ...body, footer];
	const widths = header.map((_, column) => Math.max(...table.map((cells) => cells[column].length)));
	const line = (cells: string[]) =>
		cells
			.map((cell, column) =>
				rightAligned.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]),
			)
			.join('  ')
			.trimEnd();
	const rule = widths.map((width) => '-'.repeat(width)).join('  ');
	return [line(header), rule, ...body.map(line), rule, line(footer)].join('\n');
}

export const usd = (amount: number) => `$${amount.toFixed(7)}`;

export function clip(text: string, width: number): string {
	return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
