// The watcher's sense of time, passed in so that tests run a day of polling in milliseconds with a
// clock they move themselves (no real waiting, nothing timed).
import { setTimeout as delay } from 'node:timers/promises';

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts (it never rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms, signal) => {
    if (ms <= 0 || signal?.aborted) return;
    await delay(ms, undefined, { signal }).catch(() => undefined);
  },
};
