// Stories kept up to date batch by batch: each run hands the store only the clusters it changed,
// and what the store then holds is exactly the clusterer's whole state.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { benchDir, seedsDir } from '../../src/paths.js';
import { openStore } from '../../src/store/sqlite/sqlite-store.js';
import { clusterSnapshot, loadClusterer } from '../../src/stories/pipeline.js';
import { dossier, tempDir } from '../helpers.js';

const t = tempDir('dossier-story-update-');
afterAll(() => t.cleanup());

function batch(name: string, seeds: string[], pages: string[]): string {
  const dir = join(t.dir, name);
  mkdirSync(dir);
  for (const f of seeds) copyFileSync(join(seedsDir(), f), join(dir, f));
  const html = join(benchDir('aeb'), 'html');
  for (const f of pages) writeFileSync(join(dir, f.replace(/\.gz$/, '')), gunzipSync(readFileSync(join(html, f))));
  return dir;
}

describe('stories updated batch by batch', () => {
  it('leave the store equal to the clusterer, with nothing for a full sync to write', () => {
    const seeds = readdirSync(seedsDir()).filter((f) => f.endsWith('.txt')).sort();
    const pages = readdirSync(join(benchDir('aeb'), 'html')).filter((f) => f.endsWith('.html.gz')).sort().slice(0, 12);
    const db = join(t.dir, 'batches.db');
    const batches = [batch('b1', seeds.slice(0, 1), pages.slice(0, 4)), batch('b2', seeds.slice(1, 3), pages.slice(4, 8)), batch('b3', seeds.slice(3), pages.slice(8))];
    for (const dir of batches) {
      const r = dossier(['analyze', dir, '--db', db, '--out', join(t.dir, 'report')]);
      expect(r.code, r.err).toBe(0);
    }
    const store = openStore(db);
    try {
      const snapshot = clusterSnapshot(loadClusterer(store).topics());
      expect(snapshot.filter((c) => c.level === 'topic').flatMap((c) => c.articleIds)).toHaveLength(seeds.length + pages.length);
      const stored = new Map(store.listStories().map((s) => [s.key, s.articleIds]));
      expect(new Map(snapshot.map((c) => [c.key, [...c.articleIds].sort((a, b) => a - b)]))).toEqual(stored);
      const before = (store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
      store.transaction(() => store.syncStories(snapshot));
      expect((store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n - before).toBe(0);
    } finally {
      store.close();
    }
  }, 60_000);
});
