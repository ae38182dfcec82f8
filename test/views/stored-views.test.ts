import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { analyzeInputs } from '../../src/pipeline/analyze.js';
import { seedsDir } from '../../src/paths.js';
import { buildStoryPage, storeStoryPages, storyPage, storyPageJson } from '../../src/views/stored-views.js';
import { startServer } from '../../src/server/serve.js';
import { tempDir } from '../helpers.js';

const SCOPE = 'story-views';

describe('stored story pages', () => {
  const tmp = tempDir('dossier-pages-');
  let store: SqliteStore;
  let ids: number[];

  beforeAll(async () => {
    store = openStore(join(tmp.dir, 'seeds.db'));
    // The whole pipeline, as `dossier analyze` runs it: the run stores the pages of the stories it made.
    await analyzeInputs(store, [seedsDir()]);
    ids = (await store.listStories()).map((s) => s.id);
  }, 120_000);

  afterAll(async () => {
    await store.close();
    tmp.cleanup();
  });

  it('a run stores a page for every story it made, and each reads back as the page built now', async () => {
    expect(ids.length).toBeGreaterThan(1);
    expect((await store.getStatePartKeys(SCOPE, '')).map(Number).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    for (const id of ids) {
      expect(await storyPageJson(store, id)).toBe(JSON.stringify(await buildStoryPage(store, id)));
      expect(await storyPage(store, id)).toEqual(await buildStoryPage(store, id));
    }
  });

  it('the stored page is what is served while its story is unchanged', async () => {
    const topic = (await store.listStories('topic'))[0]!;
    const article = topic.articleIds[0]!;
    const title = (await store.getArticle(article))!.title;
    // A change no run made (straight into the table): the stored page, built before it, does not show it.
    store.db.prepare('UPDATE articles SET title = ? WHERE id = ?').run('A title written by the test', article);
    try {
      expect(await storyPageJson(store, topic.id)).not.toContain('A title written by the test');
      expect(JSON.stringify(await buildStoryPage(store, topic.id))).toContain('A title written by the test');
    } finally {
      store.db.prepare('UPDATE articles SET title = ? WHERE id = ?').run(title, article);
    }
  });

  it('the server answers a story with its stored page, and its report from it', async () => {
    const server = await startServer({ store, host: '127.0.0.1', port: 0 });
    try {
      for (const id of ids) {
        const res = await fetch(`${server.url}/api/stories/${id}`);
        expect(res.status).toBe(200);
        expect(await res.text()).toBe(await storyPageJson(store, id));
      }
      const report = await fetch(`${server.url}/api/stories/${ids[0]}/report?format=json`);
      expect(JSON.parse(await report.text())).toEqual(await storyPage(store, ids[0]!));
    } finally {
      await server.close();
    }
  });

  it('a story changed after its page was stored is built anew, not served stale', async () => {
    const topic = (await store.listStories('topic'))[0]!;
    const before = JSON.parse((await storyPageJson(store, topic.id))!) as { headline: string };
    await store.setStoryHeadline(topic.id, 'A headline written by the test', topic.dateStart, topic.dateEnd);
    expect((JSON.parse((await storyPageJson(store, topic.id))!) as { headline: string }).headline).toBe('A headline written by the test');
    await store.setStoryHeadline(topic.id, before.headline, topic.dateStart, topic.dateEnd);
    expect(await storyPageJson(store, topic.id)).toBe(JSON.stringify(await buildStoryPage(store, topic.id)));
  });

  it('a page whose stamp does not match is not served', async () => {
    const id = ids[0]!;
    await store.putStateParts(SCOPE, [{ key: String(id), value: gzipSync(`not the stamp\n{"id":${id},"headline":"stale"}`) }]);
    expect(await storyPageJson(store, id)).toBe(JSON.stringify(await buildStoryPage(store, id)));
    expect(await storeStoryPages(store, [id])).toBe(1);
  });

  it('storing every page drops the pages of stories that are gone; no story, no page', async () => {
    const gone = Math.max(...ids) + 1000;
    await store.putStateParts(SCOPE, [{ key: String(gone), value: gzipSync('x\n{}') }]);
    expect(await storeStoryPages(store, null)).toBe(ids.length);
    expect(await store.getStatePartKeys(SCOPE, '')).not.toContain(String(gone));
    expect(await storyPageJson(store, gone)).toBeNull();
    expect(await storyPage(store, gone)).toBeNull();
  });
});
