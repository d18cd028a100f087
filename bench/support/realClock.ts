import { setTimeout as delay } from 'node:timers/promises';

import type { Clock } from '../../nodes/RoutedChat/core';

export const realClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms, signal) => await delay(ms, undefined, { signal }),
};
