// One writing run per store at a time. SQLite serialises single writes, but a run is many
// transactions (ingest, analysis, stories, reports) and a second run interleaved with them either
// dies half-way on `database is locked` or reads a half-updated store. A lock file beside the store
// names the run that holds it; a second run waits for it, then gives up with a message naming that
// run before it has changed anything. A lock left by a killed run is taken over (its process is gone).
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export interface RunLockHolder {
  pid: number;
  host: string;
  command: string;
  started: string;
}

export class StoreBusyError extends Error {
  constructor(
    readonly dbPath: string,
    readonly holder: RunLockHolder | null,
    waitedMs: number,
  ) {
    const who = holder ? `'${holder.command}' (pid ${holder.pid} on ${holder.host}, started ${holder.started})` : 'another run';
    super(`the store ${dbPath} is in use by ${who}; waited ${Math.round(waitedMs / 1000)} s — try again when it has finished (or raise --wait)`);
    this.name = 'StoreBusyError';
  }
}

export function lockPath(dbPath: string): string {
  return `${dbPath}.lock`;
}

function readHolder(path: string): RunLockHolder | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as RunLockHolder;
  } catch {
    return null;
  }
}

/** True when the holder's process is gone (same host only: another host's process cannot be asked). */
function isStale(h: RunLockHolder | null): boolean {
  if (!h || h.host !== hostname()) return false;
  try {
    process.kill(h.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Takes the store's run lock, waiting up to `waitMs` for another run to finish; returns the release
 * function. Throws StoreBusyError naming the holder when the wait runs out.
 */
export function acquireRunLock(dbPath: string, command: string, waitMs: number): () => void {
  const path = lockPath(dbPath);
  const me: RunLockHolder = { pid: process.pid, host: hostname(), command, started: new Date().toISOString() };
  const t0 = Date.now();
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readHolder(path)?.pid === me.pid) rmSync(path, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readHolder(path);
    if (isStale(holder)) {
      rmSync(path, { force: true });
      continue;
    }
    const waited = Date.now() - t0;
    if (waited >= waitMs) throw new StoreBusyError(dbPath, holder, waited);
    sleepMs(Math.min(250, waitMs - waited));
  }
}
