// Fetching over http from a local server: pages, redirects, feeds followed to their pages, the
// private-address guard, and unreachable addresses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ingestor, type IngestEvent } from '../../src/ingest/ingest.js';
import { fetchUrl, isPrivateAddress } from '../../src/ingest/fetch.js';
import { fakeArticle, htmlPage } from '../helpers.js';

let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' });
      // The header's charset wins over the page's own (wrong) meta, as in a browser.
      res.end(Buffer.from(htmlPage('Café closes', fakeArticle(11)), 'latin1'));
    } else if (url === '/moved') {
      res.writeHead(301, { location: '/page' });
      res.end();
    } else if (url === '/loop') {
      res.writeHead(302, { location: '/loop' });
      res.end();
    } else if (url.startsWith('/story/')) {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(htmlPage(`Story ${url.slice(7)}`, fakeArticle(Number(url.slice(7)) + 20)));
    } else if (url === '/feed') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const items = [1, 2, 3].map((i) => `<item><title>Feed title ${i}</title><link>${base}/story/${i}</link></item>`).join('');
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>${items}<item><title>Gone</title><link>${base}/404</link></item></channel></rss>`);
    } else if (url === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(Buffer.alloc(3 * 1024 * 1024, 'a'));
    } else {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function collect(inputs: string[], opts = {}): Promise<IngestEvent[]> {
  const out: IngestEvent[] = [];
  for await (const ev of new Ingestor({ fetch: { allowPrivate: true, timeoutMs: 5000 }, ...opts }).run(inputs)) out.push(ev);
  return out;
}

describe('fetching', () => {
  it('classifies private, loopback and link-local addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '192.168.0.9', '172.20.0.1', '169.254.169.254', '::1', 'fe80::1', 'fd00::2', '::ffff:127.0.0.1', '0.0.0.0'])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700::1111']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('refuses loopback addresses unless allowed', async () => {
    await expect(fetchUrl(`${base}/page`)).rejects.toThrow(/private address/);
    await expect(fetchUrl(`http://localhost:${new URL(base).port}/page`)).rejects.toThrow(/private address/);
    const ok = await fetchUrl(`${base}/page`, { allowPrivate: true });
    expect(ok.status).toBe(200);
  });

  it('follows redirects, decodes the declared charset and records the final URL', async () => {
    const evs = await collect([`${base}/moved`]);
    const a = evs.find((e) => e.kind === 'article');
    expect(a && a.kind === 'article' && a.article.source).toMatchObject({ kind: 'url', location: `${base}/page`, httpStatus: 200 });
    expect(a && a.kind === 'article' && a.article.title).toBe('Café closes');
  });

  it('stops redirect loops, oversized bodies and unreachable hosts with one error each', async () => {
    const evs = await collect([`${base}/loop`, `${base}/huge`, 'http://127.0.0.1:9/', `${base}/story/5`], { maxBytes: 1024 * 1024 });
    const errs = evs.filter((e) => e.kind === 'error').map((e) => (e.kind === 'error' ? e.message : ''));
    expect(errs).toHaveLength(3);
    expect(errs[0]).toMatch(/redirects/);
    expect(errs[1]).toMatch(/too large/);
    expect(errs[2]).toMatch(/ECONNREFUSED/);
    expect(evs.filter((e) => e.kind === 'article')).toHaveLength(1);
  });

  it('follows a feed to its pages and reports the dead link', async () => {
    const evs = await collect([`${base}/feed`]);
    const ok = evs.flatMap((e) => (e.kind === 'article' ? [e.article] : []));
    expect(ok.map((a) => a.title)).toEqual(['Story 1', 'Story 2', 'Story 3']);
    expect(ok[0]?.source).toMatchObject({ kind: 'feed-item', via: `${base}/feed` });
    const errs = evs.filter((e) => e.kind === 'error');
    expect(errs).toHaveLength(1);
    expect(errs[0]?.item).toContain('/404');
  });
});
