// The in-process sink on SQLite: a watched feed's new items are fetched (politely, through the
// watcher's host gate, behind the private-address guard), stored, analysed and placed into stories.
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { PipelineEvent } from '../../src/pipeline/events.js';
import { openStore } from '../../src/store/sqlite/sqlite-store.js';
import { InProcessSink } from '../../src/watch/in-process-sink.js';
import { HostGate, politeFetch } from '../../src/watch/politeness.js';
import { Watcher } from '../../src/watch/watcher.js';
import { fakeArticle, htmlPage, tempDir } from '../helpers.js';
import { conditionalFeed, fakeClock, startServer } from './fixtures.js';

const t = tempDir('dossier-watch-sink-');
afterAll(() => t.cleanup());

describe('the in-process sink', () => {
  it('stores, analyses and clusters the new items, each page fetched in its turn at the host', async () => {
    const clock = fakeClock(Date.UTC(2026, 11, 8, 6));
    const server = await startServer(() => clock.now());
    const port = new URL(server.base).port;
    for (const n of [1, 2, 3]) {
      server.routes.set(`/story/${n}`, (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(htmlPage(`Harbour story ${n}`, fakeArticle(n)));
      });
    }
    const items = [1, 2, 3].map((n) => ({ guid: `s${n}`, link: `${server.base}/story/${n}` }));
    // An item on another private address: the guard refuses it in the sink as it does in the watcher.
    items.push({ guid: 'inside', link: `http://127.0.0.2:${port}/story/1` });
    server.routes.set('/feed', conditionalFeed(() => ({ version: 'v1', items })));
    const store = openStore(join(t.dir, 'sink.db'));
    const events: PipelineEvent[] = [];
    try {
      const gate = new HostGate(2000, clock);
      const fetch = { allowAddresses: ['127.0.0.1'], timeoutMs: 10_000 };
      const sink = new InProcessSink(store, { ingest: { fetch: politeFetch(fetch, gate) }, onEvent: (e) => events.push(e) });
      const w = new Watcher(store, sink, [`${server.base}/feed`], {
        everyMs: 600_000,
        backoff: { baseMs: 600_000, capMs: 3_600_000 },
        concurrency: 2,
        maxItemAttempts: 3,
        fetch,
        gate,
        clock,
        random: () => 1,
        onEvent: (e) => events.push(e),
      });
      expect(await w.pollOnce()).toMatchObject({ polled: 1, failed: 0, submitted: 3, itemErrors: 1 });
      expect(await store.countArticles()).toBe(3);
      expect((await store.listArticles()).map((a) => a.title).sort()).toEqual(['Harbour story 1', 'Harbour story 2', 'Harbour story 3']);
      expect((await store.listStories('topic')).length).toBeGreaterThan(0);
      const refused = events.find((e) => e.kind === 'warning' && e.stage === 'watch');
      expect(refused).toMatchObject({ item: `http://127.0.0.2:${port}/story/1`, message: expect.stringMatching(/private address/) });
      // The feed and its three pages on one host, one at a time, two seconds apart on the fake clock.
      const start = server.log[0]!.at;
      expect(server.log.map((r) => [r.path, r.at - start])).toEqual([
        ['/feed', 0],
        ['/story/1', 2000],
        ['/story/2', 4000],
        ['/story/3', 6000],
      ]);
      expect(server.maxInFlight()).toBe(1);
    } finally {
      await store.close();
      await server.close();
    }
  });
});
