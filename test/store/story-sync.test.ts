// syncStories writes only what changed, keeps ids and the story log as before, and survives a
// topic merge that moves live events; listStories reads members in one query, optionally filtered.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { ClusterSnapshot } from '../../src/store/records.js';
import { emptyArticle } from '../../src/doc/article.js';
import { fakeArticle, tempDir } from '../helpers.js';
import { storeArticle } from '../../src/pipeline/store-article.js';

const t = tempDir('dossier-story-sync-');

async function storeWith(n: number): Promise<{ s: SqliteStore; ids: number[] }> {
  const s = openStore(join(t.dir, `s${Math.random().toString(36).slice(2)}.db`));
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push((await storeArticle(s, { ...emptyArticle({ kind: 'file', location: `/sync/${i}.txt` }), text: fakeArticle(100 + i) })).id);
  return { s, ids };
}

const topic = (key: string, articleIds: number[]): ClusterSnapshot => ({ key, level: 'topic', parentKey: null, articleIds, headline: null, dateStart: null, dateEnd: null });
const event = (key: string, parentKey: string, articleIds: number[]): ClusterSnapshot => ({
  key,
  level: 'event',
  parentKey,
  articleIds,
  headline: null,
  dateStart: '2024-05-01',
  dateEnd: '2024-05-02',
});

/** Rows inserted, updated or deleted by the statements `fn` runs. */
async function changes(s: SqliteStore, fn: () => Promise<void>): Promise<number> {
  const before = (s.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  await fn();
  return (s.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n - before;
}

function log(s: SqliteStore): { story: number; change: Record<string, unknown> }[] {
  return (s.db.prepare('SELECT story_id, change FROM story_log ORDER BY id').all() as { story_id: number; change: string }[]).map((r) => ({
    story: r.story_id,
    change: JSON.parse(r.change) as Record<string, unknown>,
  }));
}

describe('syncStories', () => {
  it('writes nothing when no cluster changed, and only the changed story otherwise', async () => {
    const { s, ids } = await storeWith(5);
    const [a, b, c, d, e] = ids as [number, number, number, number, number];
    const first = [topic('t1', [a, b, c]), event('e1', 't1', [a, b]), event('e2', 't1', [c]), topic('t2', [d]), event('e3', 't2', [d])];
    await s.syncStories(first);
    expect(await changes(s, () => s.syncStories(first))).toBe(0);
    const logged = log(s).length;
    // e added to e3 (and t2): two stories change, their members gain one row each, two log entries.
    const second = [topic('t1', [a, b, c]), event('e1', 't1', [a, b]), event('e2', 't1', [c]), topic('t2', [d, e]), event('e3', 't2', [e, d])];
    const n = await changes(s, () => s.syncStories(second));
    expect(n).toBe(2 /* version bumps */ + 2 /* members */ + 2 /* log */);
    expect(log(s).slice(logged).map((x) => x.change)).toEqual([
      { articles: [d, e], before: [d] },
      { articles: [d, e], before: [d] },
    ]);
    const stories = await s.listStories();
    expect(stories.map((x) => [x.key, x.version, x.articleIds])).toEqual([
      ['t1', 1, [a, b, c]],
      ['t2', 2, [d, e]],
      ['e1', 1, [a, b]],
      ['e2', 1, [c]],
      ['e3', 2, [d, e]],
    ]);
    await s.close();
  });

  it('logs creation, membership changes and removals, and keeps each story id', async () => {
    const { s, ids } = await storeWith(3);
    const [a, b, c] = ids as [number, number, number];
    await s.syncStories([topic('t1', [a, b, c]), event('e1', 't1', [a]), event('e2', 't1', [b, c])]);
    const id = new Map((await s.listStories()).map((x) => [x.key, x.id]));
    // c moves from e2 to e1, then e2 merges into e1.
    await s.syncStories([topic('t1', [a, b, c]), event('e1', 't1', [a, c]), event('e2', 't1', [b])]);
    await s.syncStories([topic('t1', [a, b, c]), event('e1', 't1', [a, b, c])]);
    expect(log(s)).toEqual([
      { story: id.get('t1'), change: { created: 't1', articles: [a, b, c] } },
      { story: id.get('e1'), change: { created: 'e1', articles: [a] } },
      { story: id.get('e2'), change: { created: 'e2', articles: [b, c] } },
      { story: id.get('e1'), change: { articles: [a, c], before: [a] } },
      { story: id.get('e2'), change: { articles: [b], before: [b, c] } },
      { story: id.get('e2'), change: { removed: 'e2' } },
      { story: id.get('e1'), change: { articles: [a, b, c], before: [a, c] } },
    ]);
    expect((await s.listStories('event')).map((x) => [x.id, x.articleIds])).toEqual([[id.get('e1'), [a, b, c]]]);
    expect((await s.childStories(id.get('t1')!)).map((x) => x.key)).toEqual(['e1']);
    await s.close();
  });

  it('keeps a live event whose topic merged away: same id and members, new parent', async () => {
    const { s, ids } = await storeWith(4);
    const [a, b, c, d] = ids as [number, number, number, number];
    await s.syncStories([topic('t1', [a, b]), event('e1', 't1', [a, b]), topic('t2', [c, d]), event('e2', 't2', [c, d])]);
    const before = new Map((await s.listStories()).map((x) => [x.key, x.id]));
    // t2 merges into t1 and its event comes along.
    await s.syncStories([topic('t1', [a, b, c, d]), event('e1', 't1', [a, b]), event('e2', 't1', [c, d])]);
    const e2 = (await s.getStory(before.get('e2')!))!;
    expect(e2).toMatchObject({ key: 'e2', parentId: before.get('t1'), articleIds: [c, d], version: 1 });
    expect((await s.childStories(before.get('t1')!)).map((x) => x.key)).toEqual(['e1', 'e2']);
    expect(await s.getStory(before.get('t2')!)).toBeNull();
    await s.close();
  });

  it('syncs only the changed clusters and the keys merged away, leaving the other stories untouched', async () => {
    const { s, ids } = await storeWith(6);
    const [a, b, c, d, e, f] = ids as [number, number, number, number, number, number];
    await s.syncStories([topic('t1', [a, b]), event('e1', 't1', [a, b]), topic('t2', [c]), event('e2', 't2', [c]), topic('t3', [d]), event('e3', 't3', [d])]);
    const before = new Map((await s.listStories()).map((x) => [x.key, x.id]));
    // t2 merges into t3 (e2 moves along), e joins e1, f opens t4; t1's other rows and e3 stay as they are.
    const changed = [topic('t1', [a, b, e]), event('e1', 't1', [a, b, e]), topic('t3', [c, d]), event('e2', 't3', [c]), topic('t4', [f]), event('e4', 't4', [f])];
    await s.syncStories(changed, { removed: ['t2'] });
    const after = await s.listStories();
    expect(after.map((x) => [x.key, x.articleIds])).toEqual([
      ['t1', [a, b, e]],
      ['t3', [c, d]],
      ['t4', [f]],
      ['e1', [a, b, e]],
      ['e2', [c]],
      ['e3', [d]],
      ['e4', [f]],
    ]);
    expect(await s.getStory(before.get('e2')!)).toMatchObject({ parentId: before.get('t3'), version: 1 });
    expect(await s.getStory(before.get('e3')!)).toMatchObject({ parentId: before.get('t3'), version: 1 });
    // The full snapshot now finds nothing left to write.
    const full = [...changed.filter((x) => x.key !== 'e2'), event('e2', 't3', [c]), event('e3', 't3', [d])];
    expect(await changes(s, () => s.syncStories(full))).toBe(0);
    await s.close();
  });

  it('reads the rows again when a member went missing behind its back, and the next sync restores it', async () => {
    const { s, ids } = await storeWith(3);
    const [a, b, c] = ids as [number, number, number];
    const clusters = [topic('t1', [a, b, c]), event('e1', 't1', [a, b, c])];
    await s.syncStories(clusters);
    const e1 = (await s.listStories('event'))[0]!;
    s.db.prepare('DELETE FROM story_articles WHERE story_id = ? AND article_id = ?').run(e1.id, b);
    expect((await s.getStory(e1.id))?.articleIds).toEqual([a, c]);
    await s.syncStories(clusters);
    expect(await s.getStory(e1.id)).toMatchObject({ articleIds: [a, b, c], version: 2 });
    expect(log(s).at(-1)).toEqual({ story: e1.id, change: { articles: [a, b, c], before: [a, c] } });
    expect(await changes(s, () => s.syncStories(clusters))).toBe(0);
    await s.close();
  });

  it('lists only the stories holding given articles, members in order', async () => {
    const { s, ids } = await storeWith(4);
    const [a, b, c, d] = ids as [number, number, number, number];
    await s.syncStories([topic('t1', [c, a]), event('e1', 't1', [c, a]), topic('t2', [b, d]), event('e2', 't2', [d]), event('e3', 't2', [b])]);
    expect((await s.listStories('event', { articleIds: [a, d] })).map((x) => [x.key, x.articleIds])).toEqual([
      ['e1', [a, c]],
      ['e2', [d]],
    ]);
    expect((await s.listStories(undefined, { articleIds: [b] })).map((x) => x.key)).toEqual(['t2', 'e3']);
    expect(await s.listStories('topic', { articleIds: [] })).toEqual([]);
    await s.close();
  });
});
