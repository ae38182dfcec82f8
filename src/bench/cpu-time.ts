// Timing for the benchmark runners: CPU time of one call, and the median of several.

/**
 * CPU milliseconds of one call (user + system): SQLite runs in this thread, so this is the call's
 * cost, and on a shared machine it does not count the time other processes held the cores.
 */
export function cpuMs(fn: () => unknown): number {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

/** The same for asynchronous work (the store's calls): CPU time until its promise settles. */
export async function cpuMsAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = process.cpuUsage();
  await fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

/** The median (the mean of the middle two for an even count; NaN for none). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}
