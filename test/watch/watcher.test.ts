// The watch loop against local servers, on a fake clock: conditional requests, new items handed on
// once, backoff of a failing source while the others go on, broken items reported and skipped,
// per-host politeness, the private-address guard on watched URLs and redirects, and a clean stop.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { PipelineEvent } from '../../src/pipeline/events.js';
import { openStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Clock } from '../../src/watch/clock.js';
import { HostGate } from '../../src/watch/politeness.js';
import type { WatchSink } from '../../src/watch/sink.js';
import { loadSourceState } from '../../src/watch/source-state.js';
import { Watcher, type WatchOptions } from '../../src/watch/watcher.js';
import { tempDir } from '../helpers.js';
import { conditionalFeed, fakeClock, recordingSink, rss, startServer, type FeedEntry, type TestServer } from './fixtures.js';

const START = Date.UTC(2026, 11, 8, 6, 0, 0);
const MIN = 60_000;
const t = tempDir('dossier-watch-');
let clock: ReturnType<typeof fakeClock>;
let server: TestServer;
let other: TestServer;
let store: SqliteStore;
let events: PipelineEvent[];
let dbCount = 0;

afterAll(() => t.cleanup());
beforeEach(async () => {
  clock = fakeClock(START);
  const now = () => clock.now();
  server = await startServer(now);
  other = await startServer(now);
  store = openStore(join(t.dir, `w${++dbCount}.db`));
  events = [];
});
afterEach(async () => {
  await store.close();
  await server.close();
  await other.close();
});

function watcher(sink: WatchSink, sources: string[], opts: Partial<WatchOptions> & { hostDelayMs?: number; clock?: Clock } = {}): Watcher {
  const c = opts.clock ?? clock;
  return new Watcher(store, sink, sources, {
    everyMs: 10 * MIN,
    backoff: { baseMs: 10 * MIN, capMs: 40 * MIN },
    concurrency: 4,
    maxItemAttempts: 3,
    fetch: { allowPrivate: true, timeoutMs: 5000 },
    gate: new HostGate(opts.hostDelayMs ?? 0, c),
    clock: c,
    random: () => 1,
    onEvent: (e) => events.push(e),
    ...opts,
  });
}

const errors = () => events.filter((e): e is Extract<PipelineEvent, { kind: 'error' }> => e.kind === 'error');
const requests = (s: TestServer, path: string) => s.log.filter((r) => r.path === path);

describe('conditional requests', () => {
  it('sends the validators back: an unchanged feed answers 304 and nothing is submitted, after a restart too', async () => {
    const items: FeedEntry[] = [
      { guid: 'a', link: `${server.base}/story/a` },
      { guid: 'b', link: `${server.base}/story/b` },
    ];
    server.routes.set('/feed', conditionalFeed(() => ({ version: 'v1', items })));
    const sink = recordingSink();
    const feed = `${server.base}/feed`;
    expect(await watcher(sink, [feed]).pollOnce()).toMatchObject({ polled: 1, notModified: 0, failed: 0, submitted: 2 });
    expect(sink.taken.map((i) => [i.url, i.key, i.source])).toEqual([
      [`${server.base}/story/a`, 'a', feed],
      [`${server.base}/story/b`, 'b', feed],
    ]);
    // A second Watcher over the same store is what a restarted process has: the state is the store's.
    expect(await watcher(sink, [feed]).pollOnce()).toMatchObject({ polled: 1, notModified: 1, submitted: 0 });
    const [first, second] = requests(server, '/feed');
    expect(first?.headers['if-none-match']).toBeUndefined();
    expect(second?.headers['if-none-match']).toBe('"v1"');
    expect(second?.headers['if-modified-since']).toBe(new Date(Date.UTC(2026, 11, 1, 1)).toUTCString());
    expect(sink.offered).toHaveLength(2);
  });

  it('submits a new item once, however often the feed lists it', async () => {
    let current = { version: 'v1', items: [{ guid: 'a', link: `${server.base}/story/a` }] as FeedEntry[] };
    server.routes.set('/feed', conditionalFeed(() => current));
    const sink = recordingSink();
    const w = watcher(sink, [`${server.base}/feed`]);
    await w.pollOnce();
    current = {
      version: 'v2',
      items: [{ guid: 'c', link: `${server.base}/story/c` }, { guid: 'c', link: `${server.base}/story/c` }, ...current.items],
    };
    expect(await w.pollOnce()).toMatchObject({ submitted: 1 });
    expect(await w.pollOnce()).toMatchObject({ notModified: 1, submitted: 0 });
    expect(sink.offered.map((i) => i.key)).toEqual(['a', 'c']);
  });

  it('hands a page on when its body changed, and not when it did not (a server without validators)', async () => {
    let text = '<html><body><p>First version.</p></body></html>';
    server.routes.set('/page', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(text);
    });
    const sink = recordingSink();
    const w = watcher(sink, [`${server.base}/page`]);
    await w.pollOnce();
    await w.pollOnce();
    text = '<html><body><p>Second version.</p></body></html>';
    await w.pollOnce();
    expect(sink.offered.map((i) => i.url)).toEqual([`${server.base}/page`, `${server.base}/page`]);
    expect(requests(server, '/page')).toHaveLength(3);
  });
});

describe('failures', () => {
  it('backs a failing source off, longer after each failure and capped, while the others keep their schedule; success resets it', async () => {
    const stop = new AbortController();
    clock = fakeClock(START, START + 180 * MIN, stop);
    const recoverAt = START + 100 * MIN;
    server.routes.set('/feed', conditionalFeed(() => ({ version: 'v1', items: [{ guid: 'a', link: `${server.base}/story/a` }] })));
    server.routes.set('/down', (req, res) => {
      if (clock.now() >= recoverAt) return conditionalFeed(() => ({ version: 'v1', items: [] }))(req, res);
      res.writeHead(503);
      res.end('down for maintenance');
    });
    const sink = recordingSink();
    await watcher(sink, [`${server.base}/down`, `${server.base}/feed`], { clock }).run(stop.signal);
    const gaps = (path: string) => {
      const at = requests(server, path).map((r) => (r.at - START) / MIN);
      return at.slice(1).map((x, i) => x - at[i]!);
    };
    // random() = 1 takes the whole backoff: 10, 20, 40, then the 40-minute cap; then every 10 again.
    expect(gaps('/down').slice(0, 6)).toEqual([10, 20, 40, 40, 10, 10]);
    expect(new Set(gaps('/feed'))).toEqual(new Set([10]));
    expect(requests(server, '/feed').length).toBeGreaterThan(requests(server, '/down').length);
    expect(errors().map((e) => e.message).slice(0, 2)).toEqual(['HTTP 503; next try in 10 minutes', 'HTTP 503; next try in 20 minutes']);
    expect(await loadSourceState(store, `${server.base}/down`)).toMatchObject({ failures: 0 });
    expect(sink.taken.map((i) => i.key)).toEqual(['a']);
  });

  it('honours Retry-After on 429: the source and the rest of its host wait that long, other hosts do not', async () => {
    const stop = new AbortController();
    clock = fakeClock(START, START + 75 * MIN, stop);
    let limited = true;
    server.routes.set('/busy', (_req, res) => {
      if (limited) {
        limited = false;
        res.writeHead(429, { 'retry-after': '3600' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rss([]));
    });
    server.routes.set('/feed', conditionalFeed(() => ({ version: 'v1', items: [] })));
    other.routes.set('/feed', conditionalFeed(() => ({ version: 'v1', items: [] })));
    const sources = [`${server.base}/busy`, `${server.base}/feed`, `${other.base}/feed`];
    await watcher(recordingSink(), sources, { clock, concurrency: 1 }).run(stop.signal);
    const minutes = (s: TestServer, path: string) => requests(s, path).map((r) => (r.at - START) / MIN);
    expect(errors().map((e) => e.message)).toEqual(['HTTP 429; next try in 1 hour (as the server asked)']);
    expect(minutes(server, '/busy')).toEqual([0, 60, 70]);
    expect(minutes(server, '/feed')).toEqual([60, 70]);
    expect(minutes(other, '/feed')).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
  });

  it('leaves a source alone in --once runs until the time its server asked for', async () => {
    server.routes.set('/busy', (_req, res) => {
      res.writeHead(503, { 'retry-after': new Date(START + 2 * 3_600_000).toUTCString() });
      res.end();
    });
    const w = watcher(recordingSink(), [`${server.base}/busy`]);
    expect(await w.pollOnce()).toMatchObject({ failed: 1 });
    expect((await loadSourceState(store, `${server.base}/busy`)).retryAt).toBe(START + 2 * 3_600_000);
    expect(await watcher(recordingSink(), [`${server.base}/busy`]).pollOnce()).toMatchObject({ polled: 0, waiting: 1 });
    expect(requests(server, '/busy')).toHaveLength(1);
  });

  it('reports a broken feed item once and skips it; the good items go on', async () => {
    const body = rss([
      { guid: 'g1', link: `${server.base}/story/1` },
      { guid: 'g2', title: 'An item with no link' },
      { guid: 'g3', link: 'javascript:void(0)' },
      { link: `${server.base}/story/4` },
      { title: 'Neither guid nor link' },
    ]);
    server.routes.set('/feed', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(body);
    });
    const sink = recordingSink();
    const feed = `${server.base}/feed`;
    const w = watcher(sink, [feed]);
    expect(await w.pollOnce()).toMatchObject({ submitted: 2, itemErrors: 3, failed: 0 });
    expect(sink.taken.map((i) => i.url)).toEqual([`${server.base}/story/1`, `${server.base}/story/4`]);
    expect(errors().map((e) => e.item)).toEqual([`${feed} item 2`, `${feed} item 3 (javascript:void(0))`, `${feed} item 5`]);
    expect(errors()[0]?.message).toBe('feed item has no link to fetch; skipped');
    events.length = 0;
    expect(await w.pollOnce()).toMatchObject({ submitted: 0, itemErrors: 0 });
    expect(errors()).toEqual([]);
  });

  it('a feed that does not parse fails its source, not the others', async () => {
    server.routes.set('/bad', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end('<?xml version="1.0"?><html><body>a web page where the feed was</body></html>');
    });
    server.routes.set('/feed', conditionalFeed(() => ({ version: 'v1', items: [{ guid: 'a', link: `${server.base}/story/a` }] })));
    const sink = recordingSink();
    expect(await watcher(sink, [`${server.base}/bad`, `${server.base}/feed`]).pollOnce()).toMatchObject({ polled: 2, failed: 1, submitted: 1 });
    expect(errors().map((e) => [e.item, e.message])).toEqual([[`${server.base}/bad`, 'not an RSS or Atom feed; next try in 10 minutes']]);
  });

  it('offers an item the sink failed again at the next poll, and gives it up after three tries', async () => {
    server.routes.set('/feed', conditionalFeed(() => ({ version: 'v1', items: [{ guid: 'ok', link: `${server.base}/story/ok` }, { guid: 'no', link: `${server.base}/story/no` }] })));
    const sink = recordingSink((i) => (i.key === 'no' ? 'HTTP 500' : null));
    const w = watcher(sink, [`${server.base}/feed`]);
    for (let i = 0; i < 4; i++) await w.pollOnce();
    expect(sink.offered.map((i) => i.key)).toEqual(['ok', 'no', 'no', 'no']);
    // A feed with an item to retry is fetched whole; once it is given up, the validators are kept.
    expect(requests(server, '/feed').map((r) => r.headers['if-none-match'] ?? null)).toEqual([null, null, null, '"v1"']);
    expect(events.filter((e) => e.kind === 'warning')).toHaveLength(2);
    expect(errors().map((e) => e.message)).toEqual(['HTTP 500; given up after 3 tries']);
  });
});

describe('politeness', () => {
  it('sends one request at a time to a host, the least delay apart, while another host is not held up', async () => {
    for (const p of ['/a', '/b', '/c']) server.routes.set(p, conditionalFeed(() => ({ version: 'v1', items: [] })));
    other.routes.set('/d', conditionalFeed(() => ({ version: 'v1', items: [] })));
    const sources = [`${server.base}/a`, `${server.base}/b`, `${server.base}/c`, `${other.base}/d`];
    await watcher(recordingSink(), sources, { hostDelayMs: 5000 }).pollOnce();
    expect(server.log.map((r) => [r.path, r.at - START])).toEqual([
      ['/a', 0],
      ['/b', 5000],
      ['/c', 10000],
    ]);
    expect(server.maxInFlight()).toBe(1);
    expect(other.log.map((r) => [r.path, r.at - START])).toEqual([['/d', 0]]);
  });
  it('makes a redirect hop wait its turn at the host it goes to', async () => {
    server.routes.set('/moved', (_req, res) => {
      res.writeHead(301, { location: `${other.base}/feed` });
      res.end();
    });
    server.routes.set('/page', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body><p>A page.</p></body></html>');
    });
    other.routes.set('/feed', conditionalFeed(() => ({ version: 'v1', items: [] })));
    other.routes.set('/first', conditionalFeed(() => ({ version: 'v1', items: [] })));
    await watcher(recordingSink(), [`${other.base}/first`, `${server.base}/moved`, `${server.base}/page`], { hostDelayMs: 5000, concurrency: 1 }).pollOnce();
    expect(other.log.map((r) => [r.path, r.at - START])).toEqual([
      ['/first', 0],
      ['/feed', 5000],
    ]);
    expect(server.log.map((r) => [r.path, r.at - START])).toEqual([
      ['/moved', 0],
      ['/page', 5000],
    ]);
  });
});

describe('the private-address guard', () => {
  it('holds for every watched URL and every redirect', async () => {
    const port = new URL(server.base).port;
    server.routes.set('/moved', (_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.2:${port}/feed` });
      res.end();
    });
    server.routes.set('/feed', conditionalFeed(() => ({ version: 'v1', items: [{ guid: 'a', link: `${server.base}/story/a` }] })));
    const sink = recordingSink();
    const w = watcher(sink, [`${server.base}/moved`, `http://127.0.0.2:${port}/feed`], { fetch: { allowAddresses: ['127.0.0.1'], timeoutMs: 5000 } });
    expect(await w.pollOnce()).toMatchObject({ failed: 2, submitted: 0 });
    expect(errors().map((e) => e.message)).toEqual([expect.stringMatching(/127\.0\.0\.2 is a private address/), expect.stringMatching(/127\.0\.0\.2 is a private address/)]);
    expect(requests(server, '/feed')).toHaveLength(0);
  });
});

describe('stopping', () => {
  it('stops after the source it is handing on; the next source keeps its old state, to be asked again', async () => {
    for (const p of ['/a', '/b']) server.routes.set(p, conditionalFeed(() => ({ version: 'v1', items: [{ guid: p, link: `${server.base}/story${p}` }] })));
    const stop = new AbortController();
    const sink = recordingSink((i) => {
      stop.abort();
      return i.key === 'never' ? 'unreachable' : null;
    });
    await watcher(sink, [`${server.base}/a`, `${server.base}/b`], { concurrency: 1 }).run(stop.signal);
    expect(sink.taken.map((i) => i.key)).toEqual(['/a']);
    expect(server.log.map((r) => r.path)).toEqual(['/a', '/b']);
    expect(await loadSourceState(store, `${server.base}/a`)).toMatchObject({ seen: ['/a'], etag: '"v1"' });
    expect(await loadSourceState(store, `${server.base}/b`)).toEqual({ seen: [], attempts: {}, failures: 0 });
  });
});
