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
    ids = store.listStories().map((s) => s.id);
  }, 120_000);

  afterAll(() => {
    store.close();
    tmp.cleanup();
  });

  it('a run stores a page for every story it made, and each reads back as the page built now', () => {
    expect(ids.length).toBeGreaterThan(1);
    expect(store.getStatePartKeys(SCOPE, '').map(Number).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    for (const id of ids) {
      expect(storyPageJson(store, id)).toBe(JSON.stringify(buildStoryPage(store, id)));
      expect(storyPage(store, id)).toEqual(buildStoryPage(store, id));
    }
  });

  it('the stored page is what is served while its story is unchanged', () => {
    const topic = store.listStories('topic')[0]!;
    const article = topic.articleIds[0]!;
    const title = store.getArticle(article)!.title;
    // A change no run made (straight into the table): the stored page, built before it, does not show it.
    store.db.prepare('UPDATE articles SET title = ? WHERE id = ?').run('A title written by the test', article);
    try {
      expect(storyPageJson(store, topic.id)).not.toContain('A title written by the test');
      expect(JSON.stringify(buildStoryPage(store, topic.id))).toContain('A title written by the test');
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
        expect(await res.text()).toBe(storyPageJson(store, id));
      }
      const report = await fetch(`${server.url}/api/stories/${ids[0]}/report?format=json`);
      expect(JSON.parse(await report.text())).toEqual(storyPage(store, ids[0]!));
    } finally {
      await server.close();
    }
  });

  it('a story changed after its page was stored is built anew, not served stale', () => {
    const topic = store.listStories('topic')[0]!;
    const before = JSON.parse(storyPageJson(store, topic.id)!) as { headline: string };
    store.setStoryHeadline(topic.id, 'A headline written by the test', topic.dateStart, topic.dateEnd);
    expect((JSON.parse(storyPageJson(store, topic.id)!) as { headline: string }).headline).toBe('A headline written by the test');
    store.setStoryHeadline(topic.id, before.headline, topic.dateStart, topic.dateEnd);
    expect(storyPageJson(store, topic.id)).toBe(JSON.stringify(buildStoryPage(store, topic.id)));
  });

  it('a page whose stamp does not match is not served', () => {
    const id = ids[0]!;
    store.putStateParts(SCOPE, [{ key: String(id), value: gzipSync(`not the stamp\n{"id":${id},"headline":"stale"}`) }]);
    expect(storyPageJson(store, id)).toBe(JSON.stringify(buildStoryPage(store, id)));
    expect(storeStoryPages(store, [id])).toBe(1);
  });

  it('storing every page drops the pages of stories that are gone; no story, no page', () => {
    const gone = Math.max(...ids) + 1000;
    store.putStateParts(SCOPE, [{ key: String(gone), value: gzipSync('x\n{}') }]);
    expect(storeStoryPages(store, null)).toBe(ids.length);
    expect(store.getStatePartKeys(SCOPE, '')).not.toContain(String(gone));
    expect(storyPageJson(store, gone)).toBeNull();
    expect(storyPage(store, gone)).toBeNull();
  });
});
