// Stories kept up to date batch by batch: each run hands the store only the clusters it changed,
// and what the store then holds is exactly the clusterer's whole state.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/sqlite/sqlite-store.js';
import { clusterSnapshot, loadClusterer } from '../../src/pipeline/stories.js';
import { aebPages, dossier, inputFolder, seedFiles, tempDir } from '../helpers.js';

const t = tempDir('dossier-story-update-');
afterAll(() => t.cleanup());

describe('stories updated batch by batch', () => {
  it('leave the store equal to the clusterer, with nothing for a full sync to write', async () => {
    const seeds = seedFiles();
    // Three batches of a seed or two and two pages each: every batch both joins and opens stories.
    const pages = aebPages().slice(0, 6);
    const db = join(t.dir, 'batches.db');
    const batch = (name: string, s: string[], p: string[]) => inputFolder(join(t.dir, name), s, p);
    const batches = [batch('b1', seeds.slice(0, 1), pages.slice(0, 2)), batch('b2', seeds.slice(1, 3), pages.slice(2, 4)), batch('b3', seeds.slice(3), pages.slice(4))];
    for (const dir of batches) {
      const r = dossier(['analyze', dir, '--db', db, '--out', join(t.dir, 'report')]);
      expect(r.code, r.err).toBe(0);
    }
    const store = openStore(db);
    try {
      const snapshot = clusterSnapshot((await loadClusterer(store)).topics());
      expect(snapshot.filter((c) => c.level === 'topic').flatMap((c) => c.articleIds)).toHaveLength(seeds.length + pages.length);
      const stored = new Map((await store.listStories()).map((s) => [s.key, s.articleIds]));
      expect(new Map(snapshot.map((c) => [c.key, [...c.articleIds].sort((a, b) => a - b)]))).toEqual(stored);
      const before = (store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
      await store.transaction((tx) => tx.syncStories(snapshot));
      expect((store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n - before).toBe(0);
    } finally {
      await store.close();
    }
  }, 180_000);
});
