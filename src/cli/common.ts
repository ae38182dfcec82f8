// Options and helpers shared by the commands that use the store or fetch pages.
import { Command, InvalidArgumentError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { acquireRunLock } from '../store/run-lock.js';
import { openStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import type { IngestOptions } from '../ingest/ingest.js';

export const DEFAULT_DB = './dossier.db';

export function dbOption(): Option {
  return new Option('--db <file>', 'the store (a SQLite file)').default(DEFAULT_DB);
}

/**
 * Runs a writing command under the store's run lock (see store/run-lock.ts): a second run waits for
 * the first, and gives up before touching the store, naming the run that holds it.
 */
export async function underRunLock<T>(dbPath: string, waitSeconds: number, fn: () => Promise<T>): Promise<T> {
  const release = acquireRunLock(resolve(dbPath), `dossier ${process.argv.slice(2).join(' ')}`.trim(), waitSeconds * 1000);
  try {
    return await fn();
  } finally {
    release();
  }
}

export function waitOption(): Option {
  return new Option('--wait <seconds>', 'how long to wait for another run on the same store to finish').default(300).argParser((v) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`not a number of seconds: ${v}`);
    return n;
  });
}

/** The store a read command asks about, which must exist: opening a mistyped path would create an empty one. */
export function existingStore(dbPath: string): string {
  if (!existsSync(dbPath)) throw new Error(`no store at ${dbPath} (create one with 'dossier analyze' or 'dossier ingest', or name it with --db)`);
  return dbPath;
}

/** Opens the store, runs `fn`, and closes the store once the work has finished (not when it starts). */
export async function withStore<T>(dbPath: string, fn: (store: Store) => Promise<T> | T): Promise<T> {
  const store = openStore(dbPath);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** The same as `withStore` (kept for the commands written against it). */
export const withStoreAsync = withStore;

/** Options that control fetching pages (the private-address guard, limits). */
export function addFetchOptions(cmd: Command): Command {
  return cmd
    .option('--allow-private', 'allow fetching from private, loopback and link-local addresses', false)
    .option('--timeout <ms>', 'time limit per fetched page, in milliseconds', (v) => Number(v), 20000)
    .option('--max-bytes <n>', 'largest file or page accepted, in bytes', (v) => Number(v), 10 * 1024 * 1024);
}

/** Options that control reading files and fetching pages. */
export function addIngestOptions(cmd: Command): Command {
  return addFetchOptions(cmd)
    .option('--no-follow', "use feeds' own item content instead of fetching the linked pages")
    .option('--concurrency <n>', 'pages fetched at once when following a feed', (v) => Number(v), 4);
}

export interface IngestCliOptions {
  allowPrivate: boolean;
  follow: boolean;
  timeout: number;
  maxBytes: number;
  concurrency: number;
}

export function ingestOptions(o: IngestCliOptions): IngestOptions {
  return {
    followLinks: o.follow,
    maxBytes: o.maxBytes,
    concurrency: o.concurrency,
    fetch: { allowPrivate: o.allowPrivate, timeoutMs: o.timeout, maxBytes: o.maxBytes },
  };
}

export function parseId(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`not an article id: ${raw}`);
  return n;
}
