// The clusterer's state saved in parts: a clusterer saved and loaded batch by batch continues
// exactly as one that never stopped, and a batch writes only the parts it changed.
import { describe, expect, it } from 'vitest';
import { loadEcbDev } from '../../../src/bench/clustering.js';
import { StoryClusterer, type StoryClustererJSON } from '../../../src/stories/cluster/clusterer.js';
import { memorySource, readRecord, type StateChanges, type StateSource } from '../../../src/stories/cluster/state-parts.js';
import { loadClusterer, saveClusterer } from '../../../src/pipeline/stories.js';
import { openStore } from '../../../src/store/sqlite/sqlite-store.js';
import { tempDir } from '../../helpers.js';

const articles = loadEcbDev(160);

/** Applies a save to parts kept as a store keeps them. */
function apply(store: Map<string, Uint8Array>, changes: StateChanges): void {
  if (changes.complete) store.clear();
  for (const key of changes.removed) store.delete(key);
  for (const p of changes.parts) store.set(p.key, p.value);
}

/** The whole state, posting lists in key order (the order a map of them is filled in carries nothing). */
function stateOf(c: StoryClusterer): StoryClustererJSON {
  const json = c.toJSON();
  const byKey = (p: [number, number[]][]) => [...p].sort((a, b) => a[0] - b[0]);
  return { ...json, eventIndex: { postings: byKey(json.eventIndex.postings) }, topicIndex: { postings: byKey(json.topicIndex.postings) } };
}

const asParts = (store: Map<string, Uint8Array>) => [...store].map(([key, value]) => ({ key, value }));

/** What a save wrote, by key; clusters decoded (a centroid's arrays may have another spare capacity). */
const savedParts = (ch: StateChanges) => new Map(ch.parts.map((p) => [p.key, /^[et]:/.test(p.key) ? readRecord(p.value) : [...p.value]]));

describe('StoryClusterer state in parts', () => {
  it('continues exactly as a clusterer that never stopped, saved and loaded every 40 articles', async () => {
    const straight = new StoryClusterer();
    const kept = new Map<string, Uint8Array>();
    let resumed = new StoryClusterer();
    const straightResults: string[] = [];
    const resumedResults: string[] = [];
    let changedParts = 0;
    const countSaves = new Set<string>();
    for (let i = 0; i < articles.length; i++) {
      const a = articles[i]!;
      straightResults.push(JSON.stringify(straight.add({ id: a.id, text: a.text })));
      resumedResults.push(JSON.stringify(resumed.add({ id: a.id, text: a.text })));
      if ((i + 1) % 40 === 0) {
        const changes = resumed.takeStateChanges();
        expect(changes.complete).toBe(i + 1 === 40);
        if (!changes.complete) changedParts += changes.parts.length;
        if (changes.parts.some((p) => p.key.startsWith('dd:'))) countSaves.add('delta');
        if (changes.removed.some((k) => k.startsWith('dd:'))) countSaves.add('folded');
        apply(kept, changes);
        resumed = StoryClusterer.fromParts(asParts(kept));
        // Everything the state holds, caches included, is as in the clusterer that never stopped.
        expect(stateOf(resumed)).toEqual(stateOf(straight));
      }
    }
    expect(resumedResults).toEqual(straightResults);
    expect(resumed.topics()).toEqual(straight.topics());
    // The incremental saves wrote fewer parts than three whole saves would have.
    expect(changedParts).toBeLessThan(3 * kept.size);
    // Document counts went both ways: appended as deltas, and folded back into whole slices.
    expect([...countSaves].sort()).toEqual(['delta', 'folded']);
  });

  it('writes only what a batch changed, and drops the parts of clusters merged away', async () => {
    const c = new StoryClusterer();
    for (const a of articles.slice(0, 120)) c.add({ id: a.id, text: a.text });
    const kept = new Map<string, Uint8Array>();
    apply(kept, c.takeStateChanges());
    const whole = kept.size;
    const results = articles.slice(120, 125).map((a) => c.add({ id: a.id, text: a.text }));
    const changes = c.takeStateChanges();
    expect(changes.complete).toBe(false);
    expect(changes.parts.length).toBeLessThan(whole / 2);
    const written = new Set(changes.parts.map((p) => p.key));
    // Every cluster an article changed is rewritten, or removed when it merged away.
    for (const id of results.flatMap((r) => r.changed)) {
      const key = `${id[0]}:${id.slice(1)}`;
      expect(written.has(key) || changes.removed.includes(key)).toBe(true);
    }
    apply(kept, changes);
    // The parts kept are exactly those of the same clusterer saved whole.
    const again = StoryClusterer.fromParts(asParts(kept)).takeStateChanges();
    expect(again.complete).toBe(false);
    const fresh = StoryClusterer.fromJSON(c.toJSON()).takeStateChanges();
    expect(fresh.complete).toBe(true);
    // Document counts may sit in deltas rather than slices; every other part is one a whole save writes.
    const notCounts = (keys: string[]) => keys.filter((k) => !/^d[fd]:/.test(k)).sort();
    expect(notCounts([...kept.keys()])).toEqual(notCounts(fresh.parts.map((p) => p.key)));
    expect([...kept.keys()].some((k) => k.startsWith('dd:'))).toBe(true);
    expect(stateOf(StoryClusterer.fromParts(fresh.parts))).toEqual(stateOf(c));
    expect(stateOf(StoryClusterer.fromParts(asParts(kept)))).toEqual(stateOf(c));
  });

  it('reads, for a few more articles, only the parts they reach, and goes on as if it had read them all', async () => {
    const c = new StoryClusterer();
    for (const a of articles.slice(0, 150)) c.add({ id: a.id, text: a.text });
    const kept = new Map<string, Uint8Array>();
    apply(kept, c.takeStateChanges());
    const read = new Set<string>();
    const inner = memorySource(asParts(kept));
    const counting: StateSource = {
      ...inner,
      withPrefix: (prefix) => inner.withPrefix(prefix).map((p) => (read.add(p.key), p)),
      read: (keys) => {
        const got = inner.read(keys);
        for (const k of got.keys()) read.add(k);
        return got;
      },
    };
    const loaded = StoryClusterer.open(counting);
    const atLoad = [...read].filter((k) => !/^(meta|d[fd]:)/.test(k));
    expect(atLoad).toEqual([]);
    for (const a of articles.slice(150, 153)) expect(loaded.add({ id: a.id, text: a.text })).toEqual(c.add({ id: a.id, text: a.text }));
    const kinds = (prefix: string) => [...kept.keys()].filter((k) => k.startsWith(prefix)).length;
    const reached = (prefix: string) => [...read].filter((k) => k.startsWith(prefix)).length;
    // Three articles reach a small share of the clusters and of the dictionary's buckets.
    expect(reached('e:')).toBeLessThan(kinds('e:') / 2);
    expect(reached('vb:')).toBeLessThan(kinds('vb:') / 2);
    expect(reached('v:')).toBeLessThanOrEqual(1);
    // The save that follows holds the same parts as a save of the clusterer that read everything.
    const next = loaded.takeStateChanges();
    const straight = c.takeStateChanges();
    expect(savedParts(next)).toEqual(savedParts(straight));
    expect(next.removed.sort()).toEqual(straight.removed.sort());
  });

  it('reads the state whole for a run that will reach most of it, and saves what a run reading by key saves', async () => {
    const c = new StoryClusterer();
    for (const a of articles.slice(0, 100)) c.add({ id: a.id, text: a.text });
    const kept = new Map<string, Uint8Array>();
    apply(kept, c.takeStateChanges());
    const byKeyRun = StoryClusterer.open(memorySource(asParts(kept)), { articles: 1 });
    const wholeRun = StoryClusterer.open(memorySource(asParts(kept)), { articles: 10_000 });
    for (const a of articles.slice(100, 130)) {
      const d = { id: a.id, text: a.text };
      const r = wholeRun.add(d);
      expect(byKeyRun.add(d)).toEqual(r);
      expect(c.add(d)).toEqual(r);
    }
    const whole = wholeRun.takeStateChanges();
    expect(whole.complete).toBe(false);
    // Two clusterers over the same bytes: neither may change what the other reads.
    expect(savedParts(whole)).toEqual(savedParts(byKeyRun.takeStateChanges()));
    expect(savedParts(whole)).toEqual(savedParts(c.takeStateChanges()));
  });

  it('reads a state saved before dictionary buckets whole, and gives it buckets at its next save', async () => {
    const c = new StoryClusterer();
    for (const a of articles.slice(0, 40)) c.add({ id: a.id, text: a.text });
    const whole = c.takeStateChanges().parts;
    const meta = JSON.parse(new TextDecoder().decode(whole.find((p) => p.key === 'meta')!.value)) as Record<string, unknown>;
    const old = whole.filter((p) => !p.key.startsWith('vb:') && p.key !== 'meta');
    old.push({ key: 'meta', value: new TextEncoder().encode(JSON.stringify({ ...meta, version: 3, buckets: undefined, filledBuckets: undefined })) });
    const converted = StoryClusterer.fromParts(old);
    expect(stateOf(converted)).toEqual(stateOf(c));
    const save = converted.takeStateChanges();
    expect(save.complete).toBe(false);
    expect(save.parts.filter((p) => p.key.startsWith('vb:')).map((p) => p.key).sort()).toEqual(whole.filter((p) => p.key.startsWith('vb:')).map((p) => p.key).sort());
    const kept = new Map(old.map((p) => [p.key, p.value]));
    apply(kept, save);
    const reopened = StoryClusterer.fromParts(asParts(kept));
    for (const a of articles.slice(40, 60)) expect(reopened.add({ id: a.id, text: a.text })).toEqual(converted.add({ id: a.id, text: a.text }));
  });

  it('saves nothing but its counters when no article came', async () => {
    const c = new StoryClusterer();
    for (const a of articles.slice(0, 30)) c.add({ id: a.id, text: a.text });
    c.takeStateChanges();
    const idle = c.takeStateChanges();
    expect(idle.parts.map((p) => p.key)).toEqual(['meta']);
    expect(idle.removed).toEqual([]);
  });

  it('refuses parts missing a piece instead of clustering on a partial state', async () => {
    const c = new StoryClusterer();
    for (const a of articles.slice(0, 30)) c.add({ id: a.id, text: a.text });
    const parts = c.takeStateChanges().parts;
    expect(() => StoryClusterer.fromParts(parts.filter((p) => p.key !== 'v:0'))).toThrow(/dictionary/);
    const aBucket = parts.find((p) => p.key.startsWith('vb:'))!.key;
    expect(() => StoryClusterer.fromParts(parts.filter((p) => p.key !== aBucket))).toThrow(/dictionary buckets/);
    expect(() => StoryClusterer.fromParts(parts.filter((p) => p.key !== 'meta'))).toThrow(/version/);
    const anEvent = parts.find((p) => p.key.startsWith('e:'))!.key;
    expect(() => StoryClusterer.fromParts(parts.filter((p) => p.key !== anEvent))).toThrow(/lacks event/);
  });

  it('converts a store holding the state saved whole as JSON once, then keeps parts', async () => {
    const c = new StoryClusterer();
    for (const a of articles.slice(0, 60)) c.add({ id: a.id, text: a.text });
    const tmp = tempDir();
    const store = openStore(`${tmp.dir}/old-state.db`);
    await store.setState('clusterer', JSON.stringify(c.toJSON()));
    const converted = await loadClusterer(store);
    expect(stateOf(converted)).toEqual(stateOf(c));
    await store.transaction((tx) => saveClusterer(tx, converted));
    expect(await store.getState('clusterer')).toBeNull();
    const back = await loadClusterer(store);
    expect(stateOf(back)).toEqual(stateOf(c));
    // Both go on alike, and the next save is incremental.
    for (const a of articles.slice(60, 80)) expect(back.add({ id: a.id, text: a.text })).toEqual(c.add({ id: a.id, text: a.text }));
    expect(back.takeStateChanges().complete).toBe(false);
    await store.close();
    tmp.cleanup();
  });

  it('keeps dictionary keys of any spelling, a NUL included', async () => {
    const c = new StoryClusterer();
    const docs = articles.slice(0, 3).map((a, i) => ({ id: a.id, text: a.text, entities: i === 1 ? ['odd\u0000name', ''] : ['Q1'] }));
    for (const d of docs) c.add(d);
    const back = StoryClusterer.fromParts(c.takeStateChanges().parts);
    expect(stateOf(back)).toEqual(stateOf(c));
  });

  it('leaves the last committed state whole when a save is rolled back (a run killed before its commit)', async () => {
    const tmp = tempDir();
    const store = openStore(`${tmp.dir}/rollback.db`);
    const run = await loadClusterer(store);
    const straight = new StoryClusterer();
    for (const a of articles.slice(0, 60)) {
      run.add({ id: a.id, text: a.text });
      straight.add({ id: a.id, text: a.text });
    }
    await store.transaction((tx) => saveClusterer(tx, run));
    const committed = stateOf(straight);
    for (const a of articles.slice(60, 100)) run.add({ id: a.id, text: a.text });
    await expect(
      store.transaction(async (tx) => {
        await saveClusterer(tx, run);
        throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    // The next run starts from the first batch's state and places the second batch as if nothing had happened.
    const next = await loadClusterer(store);
    expect(stateOf(next)).toEqual(committed);
    for (const a of articles.slice(60, 100)) expect(next.add({ id: a.id, text: a.text })).toEqual(straight.add({ id: a.id, text: a.text }));
    await store.transaction((tx) => saveClusterer(tx, next));
    expect(stateOf((await loadClusterer(store)))).toEqual(stateOf(straight));
    await store.close();
    tmp.cleanup();
  });
});
