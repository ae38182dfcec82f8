// How long a failing source waits before its next try. The arithmetic is a few lines over the
// watcher's own clock and random source (retry libraries wrap a call and sleep on real timers; the
// watcher schedules a source, so it only needs the delay).

export interface BackoffPolicy {
  /** The wait after the first failure; each further failure doubles it. */
  baseMs: number;
  /** The longest wait, however many failures. */
  capMs: number;
}

/**
 * The wait after `failures` failures in a row: base·2^(failures−1), capped, with "equal jitter"
 * (half fixed, half random) so that sources failing together do not retry together.
 */
export function backoffDelay(failures: number, policy: BackoffPolicy, random: () => number): number {
  if (failures <= 0) return 0;
  const full = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(failures - 1, 40));
  return Math.round(full / 2 + random() * (full / 2));
}

/** A Retry-After header (seconds, or an HTTP date) as milliseconds from `now`; undefined when unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
