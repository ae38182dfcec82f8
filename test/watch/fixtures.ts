// What the watch tests share: a local HTTP server whose routes a test sets and which logs every
// request with the fake time it arrived at, a fake clock, and a sink that records what it is given.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../src/watch/clock.js';
import type { SinkResult, WatchInput, WatchSink } from '../../src/watch/sink.js';

export interface LoggedRequest {
  path: string;
  at: number;
  headers: http.IncomingHttpHeaders;
}

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface TestServer {
  base: string;
  routes: Map<string, Route>;
  log: LoggedRequest[];
  /** The most requests this server had in flight at once. */
  maxInFlight: () => number;
  close: () => Promise<void>;
}

/** A server on a loopback address; `now` stamps each request with the test's fake time. */
export async function startServer(now: () => number, host = '127.0.0.1'): Promise<TestServer> {
  const routes = new Map<string, Route>();
  const log: LoggedRequest[] = [];
  let inFlight = 0;
  let most = 0;
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    log.push({ path, at: now(), headers: req.headers });
    most = Math.max(most, ++inFlight);
    res.on('close', () => inFlight--);
    const route = routes.get(path);
    if (route) route(req, res);
    else {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, host, () => r()));
  return {
    base: `http://${host}:${(server.address() as AddressInfo).port}`,
    routes,
    log,
    maxInFlight: () => most,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface FeedEntry {
  guid?: string;
  link?: string;
  title?: string;
}

/** An RSS 2.0 feed of these items. */
export function rss(items: FeedEntry[]): string {
  const body = items
    .map((it) => `<item>${it.title ? `<title>${it.title}</title>` : ''}${it.guid ? `<guid>${it.guid}</guid>` : ''}${it.link ? `<link>${it.link}</link>` : ''}</item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>${body}</channel></rss>`;
}

/**
 * A route serving a feed with an ETag and Last-Modified, answering 304 to a request that names the
 * current version; `version` is read at each request, so a test changes the feed by changing it.
 */
export function conditionalFeed(current: () => { version: string; items: FeedEntry[] }): Route {
  return (req, res) => {
    const { version, items } = current();
    const etag = `"${version}"`;
    const lastModified = new Date(Date.UTC(2026, 11, 1) + Number(version.replace(/\D/g, '') || 0) * 3_600_000).toUTCString();
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': lastModified });
    res.end(rss(items));
  };
}

/**
 * A fake clock: `sleep` lets pending I/O run, then moves time on to when it was asked to wake (never
 * back, so two sleeps begun at one moment end at one moment). Past `until`, it aborts `stop`.
 */
export function fakeClock(start: number, until = Infinity, stop?: AbortController): Clock & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) return;
      const wake = now + Math.max(0, ms);
      if (ms > 0) slept.push(ms);
      await new Promise((r) => setImmediate(r));
      now = Math.max(now, wake);
      if (now >= until) stop?.abort();
    },
  };
}

/** A sink that keeps every input it is given and fails those `fail` picks. */
export function recordingSink(fail: (input: WatchInput) => string | null = () => null): WatchSink & { taken: WatchInput[]; offered: WatchInput[] } {
  const taken: WatchInput[] = [];
  const offered: WatchInput[] = [];
  return {
    taken,
    offered,
    submit: async (inputs): Promise<SinkResult> => {
      const failed: SinkResult['failed'] = [];
      for (const input of inputs) {
        offered.push(input);
        const why = fail(input);
        if (why) failed.push({ url: input.url, message: why });
        else taken.push(input);
      }
      return { failed };
    },
  };
}
