// `dossier watch`: polls feeds and pages on a schedule and runs what is new through the pipeline
// (src/watch/ does the work; this file parses options, wires the parts and handles signals).
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import ms, { type StringValue } from 'ms';
import { addFetchOptions, dbOption, underRunLock, waitOption, withStoreAsync } from '../common.js';
import { renderEvents } from '../render-events.js';
import { systemClock } from '../../watch/clock.js';
import { InProcessSink } from '../../watch/in-process-sink.js';
import { HostGate, politeFetch } from '../../watch/politeness.js';
import { checkSources, parseSourceList } from '../../watch/sources.js';
import { Watcher } from '../../watch/watcher.js';
import type { FetchOptions } from '../../ingest/fetch.js';

interface WatchCliOptions {
  db: string;
  wait: number;
  list?: string;
  every: number;
  hostDelay: number;
  maxBackoff: number;
  concurrency: number;
  once?: boolean;
  out?: string;
  allowPrivate: boolean;
  timeout: number;
  maxBytes: number;
}

/** A span such as 90s, 15m or 2h, in milliseconds (a bare number is refused: seconds or minutes?). */
function duration(v: string): number {
  const n = /^\d+(\.\d+)?$/.test(v.trim()) ? undefined : ms(v.trim() as StringValue);
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`not a duration: ${v} (write it with a unit: 90s, 15m, 2h)`);
  return n;
}

function readList(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read the source list ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** An option holding a duration, its default shown as written. */
function durationOption(flags: string, description: string, fallback: string): Option {
  return new Option(flags, description).argParser(duration).default(duration(fallback), fallback);
}

export function register(program: Command): void {
  const cmd = program
    .command('watch')
    .description('poll feeds and pages on a schedule and analyse what is new (conditional requests, backoff, per-host politeness)')
    .argument('[sources...]', 'http(s) URLs of feeds or pages')
    .addOption(dbOption())
    .addOption(waitOption())
    .option('--list <file>', 'a file of sources, one URL per line (# starts a comment)')
    .addOption(durationOption('--every <duration>', 'time between polls of a source', '15m'))
    .option('--once', 'poll every source once (those waiting to retry excepted), then exit')
    .addOption(durationOption('--host-delay <duration>', 'least time between two requests to one host', '1s'))
    .addOption(durationOption('--max-backoff <duration>', 'longest wait before retrying a failing source', '6h'))
    .option('--concurrency <n>', 'sources polled at once (on different hosts)', (v) => Number(v), 8)
    .option('--out <dir>', 'folder for the reports of the topics that new articles changed (none: no reports)');
  addFetchOptions(cmd).action(async (args: string[], o: WatchCliOptions) => {
    const shown = renderEvents();
    const listed = o.list ? parseSourceList(readList(o.list)) : [];
    const { sources, errors } = checkSources([...args, ...listed]);
    for (const e of errors) shown.listener({ kind: 'error', stage: 'watch', item: e.item, message: e.message });
    if (sources.length === 0) throw new Error('no sources to watch: give feed or page URLs, or --list FILE');
    if (o.every <= 0) throw new Error('--every must be longer than nothing');
    if (!Number.isInteger(o.concurrency) || o.concurrency < 1) throw new Error(`--concurrency must be a whole number from 1: ${o.concurrency}`);

    const stop = new AbortController();
    const onSignal = (name: string) => () => {
      shown.listener({ kind: 'note', stage: 'watch', message: `${name}: stopping after the current source (again to quit at once)` });
      stop.abort();
    };
    const onInt = onSignal('SIGINT');
    const onTerm = onSignal('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);

    const gate = new HostGate(o.hostDelay, systemClock);
    const fetch: FetchOptions = { allowPrivate: o.allowPrivate, timeoutMs: o.timeout, maxBytes: o.maxBytes };
    try {
      await withStoreAsync(o.db, async (store) => {
        const sink = new InProcessSink(store, {
          ingest: { maxBytes: o.maxBytes, fetch: politeFetch(fetch, gate, stop.signal) },
          reportDir: o.out ?? null,
          exclusive: (work) => underRunLock(o.db, o.wait, work),
          onEvent: shown.listener,
        });
        const watcher = new Watcher(store, sink, sources, {
          everyMs: o.every,
          backoff: { baseMs: o.every, capMs: Math.max(o.every, o.maxBackoff) },
          concurrency: o.concurrency,
          maxItemAttempts: 3,
          fetch,
          gate,
          clock: systemClock,
          random: Math.random,
          onEvent: shown.listener,
        });
        if (o.once) {
          const r = await watcher.pollOnce(stop.signal);
          process.exitCode = r.failed > 0 || r.itemErrors > 0 || errors.length > 0 ? 1 : 0;
        } else {
          await watcher.run(stop.signal);
          process.exitCode = 0;
        }
      });
    } finally {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      shown.stop();
    }
  });
}
