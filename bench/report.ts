export interface Target {
	op: '<=' | '>=';
	value: number;
}

/** One measured figure. No target: reported for context only. `skipped`: could not be measured, and why. */
export interface Row {
	name: string;
	value: number | null;
	unit: string;
	target?: Target;
	detail?: string;
	skipped?: string;
}

export type Status = 'PASS' | 'FAIL' | 'SKIPPED' | 'INFO';

export interface RowResult extends Row {
	status: Status;
}

export function judge(row: Row): RowResult {
	if (row.skipped !== undefined || row.value === null) return { ...row, status: 'SKIPPED' };
	if (!row.target) return { ...row, status: 'INFO' };
	const { op, value } = row.target;
	const pass = op === '<=' ? row.value <= value : row.value >= value;
	return { ...row, status: pass ? 'PASS' : 'FAIL' };
}

function figure(value: number, unit: string): string {
	const digits =
		Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : unit === '×' || unit === '' ? 3 : 2;
	return `${value.toFixed(digits)}${unit === '' ? '' : unit === '×' ? '×' : ` ${unit}`}`;
}

function cells(row: RowResult): string[] {
	const measured = row.value === null ? '—' : figure(row.value, row.unit);
	const target = row.target
		? `${row.target.op === '<=' ? '≤' : '≥'} ${figure(row.target.value, row.unit)}`
		: '—';
	return [row.name, measured, target, row.status];
}

/** A plain-text table, then each row's details (what was measured, or why it was skipped). */
export function formatTable(rows: RowResult[]): string {
	const header = ['Row', 'Measured', 'Target', 'Result'];
	const body = rows.map((row, index) => {
		const [name, ...rest] = cells(row);
		return [`${index + 1}. ${name}`, ...rest];
	});
	const widths = header.map((_, column) =>
		Math.max(...[header, ...body].map((line) => [...line[column]].length)),
	);
	const line = (values: string[]) =>
		values
			.map((value, column) => value.padEnd(widths[column] + (value.length - [...value].length)))
			.join('  ')
			.trimEnd();
	const notes = rows
		.map((row, index) => ({ row, index }))
		.filter(({ row }) => row.detail || row.skipped)
		.map(
			({ row, index }) =>
				`  [${index + 1}] ${row.skipped ? `SKIPPED: ${row.skipped}` : row.detail}`,
		);
	return [
		line(header),
		line(widths.map((width) => '-'.repeat(width))),
		...body.map(line),
		'',
		...notes,
	].join('\n');
}

export interface Report {
	mode: 'full' | 'quick';
	startedAt: string;
	durationS: number;
	node: string;
	cpus: number;
	rows: RowResult[];
}

export function toJson(report: Report): string {
	return `${JSON.stringify(report, null, 2)}\n`;
}
