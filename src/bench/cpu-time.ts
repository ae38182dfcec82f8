// Timing for the benchmark runners: CPU time of one call, and the median of several.
import { readFileSync } from 'node:fs';

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

/**
 * CPU milliseconds another process has used so far (user + system), from Linux's /proc; null
 * elsewhere. Read before and after a load, it gives a server's own cost per request, which on a
 * shared machine does not count the time it waited for a core.
 */
export function processCpuMs(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces, hence the split at ')'): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').at(-1)!.trim().split(' ');
    // In clock ticks: USER_HZ is 100 on Linux builds (the kernel reports in it whatever its own tick rate).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}
