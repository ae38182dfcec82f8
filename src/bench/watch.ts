// `dossier bench watch`: what a round of polls costs the watcher itself. A local server (in this
// process, so its work is counted too: an upper bound) serves `--feeds` feeds of 20 items spread
// over `--hosts` hosts (ports), with ETags. Three rounds over one SQLite store: the first finds
// every item new, the second is answered 304 throughout (it must write nothing), the third finds
// two new items in a tenth of the feeds. The sink only counts: what the pipeline costs per
// article is `bench pipeline`'s figure. No politeness delay (`--host-delay` 0): with one, a round
// lasts at least (feeds per host) × delay, whatever the watcher costs.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/sqlite/sqlite-store.js';
import { systemClock } from '../watch/clock.js';
import { HostGate } from '../watch/politeness.js';
import type { WatchSink } from '../watch/sink.js';
import { Watcher, type RoundSummary } from '../watch/watcher.js';
import { numberArg } from './args.js';
import type { BenchReport, BenchRow, BenchRunner } from './report.js';

const ITEMS = 20;

/** One host: feeds `/f/N`, each at a version that `bump` moves on (two new items per version). */
async function feedHost(feeds: number): Promise<{ base: string; bump: (feed: number) => void; close: () => Promise<void> }> {
  const version = new Array<number>(feeds).fill(0);
  const server = http.createServer((req, res) => {
    const n = Number(/^\/f\/(\d+)$/.exec(req.url ?? '')?.[1] ?? -1);
    const v = version[n];
    if (v === undefined) {
      res.writeHead(404).end();
      return;
    }
    const etag = `"${n}-${v}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    const first = v * 2;
    const items = Array.from({ length: ITEMS }, (_, i) => `<item><guid>f${n}-i${first + i}</guid><link>http://example.org/${n}/${first + i}</link><title>Item ${first + i}</title></item>`);
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${n}</title>${items.join('')}</channel></rss>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bump: (feed) => void (version[feed] = (version[feed] ?? 0) + 1),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export async function runWatchBench(o: { feeds: number; hosts: number; concurrency: number }): Promise<BenchReport> {
  const perHost = Math.ceil(o.feeds / o.hosts);
  const hosts = await Promise.all(Array.from({ length: o.hosts }, () => feedHost(perHost)));
  const sources = Array.from({ length: o.feeds }, (_, i) => `${hosts[i % o.hosts]!.base}/f/${Math.floor(i / o.hosts)}`);
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-watch-'));
  const store = openStore(join(dir, 'watch.db'));
  let writes = 0;
  const counted = { getState: (k: string) => store.getState(k), setState: (k: string, v: string) => (writes++, store.setState(k, v)) };
  let taken = 0;
  const sink: WatchSink = { submit: async (inputs) => ((taken += inputs.length), { failed: [] }) };
  const watcher = new Watcher(counted, sink, sources, {
    everyMs: 900_000,
    backoff: { baseMs: 900_000, capMs: 6 * 3_600_000 },
    concurrency: o.concurrency,
    maxItemAttempts: 3,
    fetch: { allowPrivate: true, timeoutMs: 20_000 },
    gate: new HostGate(0, systemClock),
    clock: systemClock,
    random: Math.random,
  });
  const rows: BenchRow[] = [];
  const round = async (name: string): Promise<RoundSummary> => {
    const [w0, t0, s0] = [writes, taken, performance.now()];
    const r = await watcher.pollOnce();
    const seconds = (performance.now() - s0) / 1000;
    rows.push({ metric: `${name}: seconds`, ours: seconds.toFixed(2) });
    rows.push({ metric: `${name}: sources/s`, ours: Math.round(o.feeds / seconds) });
    rows.push({ metric: `${name}: items submitted, state writes, failed`, ours: `${taken - t0}, ${writes - w0}, ${r.failed}` });
    return r;
  };
  try {
    await round('round 1 (every item new)');
    await round('round 2 (all 304)');
    for (let i = 0; i < o.feeds; i += 10) hosts[i % o.hosts]!.bump(Math.floor(i / o.hosts));
    await round('round 3 (a tenth changed, 2 new items each)');
  } finally {
    await store.close();
    await Promise.all(hosts.map((h) => h.close()));
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    name: 'watch',
    items: `${o.feeds} feeds of ${ITEMS} items on ${o.hosts} hosts, concurrency ${o.concurrency}`,
    rows,
    notes: ['the feed server runs in the same process (its time is counted); the sink only counts, the pipeline is bench pipeline'],
  };
}

export const runner: BenchRunner = {
  description: 'cost of a watch round to the watcher: new items, all 304, a tenth changed (--feeds 1000 --hosts 50 --concurrency 8)',
  run: ({ args }) => runWatchBench({ feeds: numberArg(args, '--feeds') ?? 1000, hosts: numberArg(args, '--hosts') ?? 50, concurrency: numberArg(args, '--concurrency') ?? 8 }),
};
