import { sleep } from 'n8n-workflow';

import type { Clock } from '../core';

/** Real time through n8n's own sleep (n8n Cloud does not allow timers in nodes). */
export const n8nClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms, signal) => await sleep(ms, signal),
};
