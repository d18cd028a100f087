/** Makes the signal that ends an attempt `ms` after it starts. */
export type DeadlineAfter = (ms: number) => AbortSignal;

/** The real one, a timer; tests give the client one that they fire (test/transport/manualDeadlines.ts). */
export const timerDeadline: DeadlineAfter = (ms) => AbortSignal.timeout(ms);
