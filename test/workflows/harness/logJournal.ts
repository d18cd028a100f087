import { inspect } from 'node:util';

import type { LogMetadata, Logger } from 'n8n-workflow';

type Level = keyof Logger;

/** A logger that n8n can scope like its own, writing every line to one journal. */
export interface JournalLogger extends Logger {
	scoped(): JournalLogger;
}

const lines: string[] = [];

function format(level: Level, message: string, metadata?: LogMetadata): string {
	const hasMetadata = metadata !== undefined && Object.keys(metadata).length > 0;
	// inspect, not JSON: it keeps an Error's message and stack, where a secret could hide.
	const details = hasMetadata
		? ` ${inspect(metadata, { depth: 8, breakLength: Infinity, compact: true })}`
		: '';
	return `${level}: ${message}${details}`;
}

function write(level: Level) {
	return (message: string, metadata?: LogMetadata) => {
		lines.push(format(level, message, metadata));
	};
}

export const journalLogger: JournalLogger = {
	error: write('error'),
	warn: write('warn'),
	info: write('info'),
	debug: write('debug'),
	scoped: () => journalLogger,
};

/**
 * Starts reading the journal; the returned function gives every line written since.
 * Runs that overlap see each other's lines: more than their own, never fewer.
 */
export function readJournalFromNow(): () => string[] {
	const start = lines.length;
	return () => lines.slice(start);
}
