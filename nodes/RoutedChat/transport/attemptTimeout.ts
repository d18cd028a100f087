/** Makes the signal that ends an attempt `ms` after it starts. */
export type TimeoutSignal = (ms: number) => AbortSignal;

/** The real one, a timer; tests give the client one that they fire (test/transport/manualTimeouts.ts). */
export const timerTimeout: TimeoutSignal = (ms) => AbortSignal.timeout(ms);
