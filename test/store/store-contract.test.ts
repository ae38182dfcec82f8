// The contract every Store implementation fills for the language, event and story layers. It is
// written against the interface only, so a PostgreSQL store can run the same cases.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { emptyArticle, type ExtractedArticle } from '../../src/doc/article.js';
import { analysePending } from '../../src/pipeline/analyse-store.js';
import { defaultAnalyzer } from '../../src/pipeline/components.js';
import type { Analyzer } from '../../src/pipeline/analyse.js';
import { tempDir } from '../helpers.js';
import { storeArticle } from '../../src/pipeline/store-article.js';

// Made up for this test: two dated reports of one visit and an undated one.
const TEXTS = [
  'Chilean Foreign Minister Ana Reyes arrived in Lima on Monday for talks with Peru. "We will sign a trade accord," Reyes told reporters.',
  'Peru and Chile signed a trade accord in Lima on Tuesday, officials said. Reyes met President Luis Ortega.',
  'Reyes visited Lima on Monday, the ministry said.',
];

function article(i: number, published: string | null): ExtractedArticle {
  return {
    ...emptyArticle({ kind: 'file', location: `/contract/${i}.txt` }),
    externalId: `c${i}`,
    title: `Report ${i}`,
    text: TEXTS[i]!,
    published: published ? { value: published, granularity: 'day', timezone: null, rule: 'test' } : null,
  };
}

function describeStoreContract(name: string, open: () => Store): void {
  describe(`${name}: the Store contract for later layers`, () => {
    let analysers: Analyzer;
    beforeAll(async () => {
      analysers = defaultAnalyzer();
    });

    async function analysed(): Promise<{ store: Store; ids: number[] }> {
      const store = open();
      const ids = [(await storeArticle(store, article(0, '2021-03-01'))).id, (await storeArticle(store, article(1, '2021-03-02'))).id, (await storeArticle(store, article(2, null))).id];
      expect(await analysePending(store, analysers)).toEqual(ids);
      return { store, ids };
    }

    it('keeps one article analysis whole: mentions with canonical entities, times, quotes, events', async () => {
      const { store, ids } = await analysed();
      const layers = await store.articleLayers(ids[0]!);
      const reyes = layers.mentions.find((m) => m.text.includes('Reyes') && m.type === 'PERSON');
      expect(reyes?.entityKey).toBeTruthy();
      expect(await store.entityName(reyes!.entityKey!)).toBe(reyes!.entity);
      expect(await store.entityName(reyes!.entityId!)).toBe(reyes!.entity);
      expect(layers.times.some((t) => t.value === '2021-03-01' && t.resolved)).toBe(true);
      expect(layers.quotes[0]?.speakerKey).toBe(reyes!.entityKey);
      expect(await store.articleEntityKeys(ids[0]!)).toContain(reyes!.entityKey);
      expect((await store.timeRefs(ids[0]!)).map((t) => t.text)).toContain('Monday');
      expect((await store.queryEvents({ articleIds: [ids[1]!] })).some((e) => e.root === '05' || e.root === '06')).toBe(true);
      // The person named in all three articles heads the label of the three.
      expect(await store.topEntityNames(ids, ['PERSON'], 1)).toEqual([reyes!.entity]);
      await store.close();
    });

    it('labels articles by the entities that mark them out, not by one the whole store mentions', async () => {
      // Made up: Chile is in every article of the store, Reyes and Lima only in the last two.
      const texts = [
        'Chile reported record copper exports on Monday, the mining ministry said.',
        'Chile and Argentina opened a new border crossing in the Andes on Tuesday.',
        'Forest fires burned thousands of hectares in southern Chile on Wednesday.',
        'Foreign Minister Ana Reyes of Chile arrived in Lima on Monday. Reyes met trade officials there.',
        'Ana Reyes of Chile signed a trade accord in Lima on Tuesday, officials said.',
      ];
      const store = open();
      const ids: number[] = [];
      for (const [i, text] of texts.entries()) ids.push((await storeArticle(store, { ...article(0, '2021-03-01'), source: { kind: 'file', location: `/label/${i}.txt` }, externalId: `l${i}`, text })).id);
      await analysePending(store, analysers);
      const pair = ids.slice(3);
      expect(await store.topEntityNames(ids, ['GPE'], 1)).toEqual(['Chile']);
      const label = await store.topEntityNames(pair, ['PERSON', 'GPE'], 2);
      expect(label).toHaveLength(2);
      expect(label).not.toContain('Chile');
      expect(label[0]).toBe('Ana Reyes');
      await store.close();
    });

    it('replaces an article analysis instead of adding to it when everything is analysed again', async () => {
      const { store, ids } = await analysed();
      const count = async () => (await Promise.all(ids.map((id) => store.articleLayers(id)))).map((l) => [l.mentions.length, l.times.length, l.quotes.length, l.events.length].join('/'));
      const before = await count();
      const aliasesBefore = (await store.listEntities()).map((e) => `${e.key}:${e.aliases.map((a) => `${a.alias}=${a.count}`).join(',')}`);
      expect(await store.articlesToAnalyse(Number.MAX_SAFE_INTEGER, false)).toEqual(ids);
      await analysePending(store, analysers, { force: true });
      expect(await count()).toEqual(before);
      expect((await store.listEntities()).map((e) => `${e.key}:${e.aliases.map((a) => `${a.alias}=${a.count}`).join(',')}`)).toEqual(aliasesBefore);
      await store.close();
    });

    it('rolls a transaction back whole', async () => {
      const store = open();
      await expect(
        store.transaction(async (tx) => {
          await tx.setState('probe', 'written');
          throw new Error('stop');
        }),
      ).rejects.toThrow('stop');
      expect(await store.getState('probe')).toBeNull();
      await store.transaction((tx) => tx.setState('probe', 'kept'));
      expect(await store.getState('probe')).toBe('kept');
      await store.close();
    });

    it('keeps a state in binary parts: upserts, removals, a whole replacement, all inside transactions', async () => {
      const store = open();
      const bytes = (...b: number[]) => Uint8Array.from(b);
      const read = async (scope: string) => new Map((await store.getStateParts(scope)).map((p) => [p.key, [...p.value]]));
      expect(await store.getStateParts('s')).toEqual([]);
      await store.putStateParts('s', [{ key: 'meta', value: bytes(1, 2) }, { key: 'e:1', value: bytes(0, 255, 7) }, { key: 'e:2', value: bytes() }]);
      await store.putStateParts('other', [{ key: 'meta', value: bytes(9) }]);
      await store.putStateParts('s', [{ key: 'meta', value: bytes(3) }], { removed: ['e:2'] });
      expect(await read('s')).toEqual(new Map([['meta', [3]], ['e:1', [0, 255, 7]]]));
      await expect(
        store.transaction(async (tx) => {
          await tx.putStateParts('s', [{ key: 'e:3', value: bytes(4) }], { removed: ['e:1'] });
          throw new Error('stop');
        }),
      ).rejects.toThrow('stop');
      expect(await read('s')).toEqual(new Map([['meta', [3]], ['e:1', [0, 255, 7]]]));
      // Read by prefix, by key, or counted, as a clusterer reads a large state a part at a time.
      await store.putStateParts('s', [{ key: 'ei:1', value: bytes(6) }, { key: 'e:10', value: bytes(8) }]);
      expect((await store.getStateParts('s', 'e:')).map((p) => p.key).sort()).toEqual(['e:1', 'e:10']);
      expect((await store.getStatePartKeys('s', 'e')).sort()).toEqual(['e:1', 'e:10', 'ei:1']);
      expect(await store.countStateParts('s', 'e:')).toBe(2);
      expect(await store.countStateParts('other', 'e:')).toBe(0);
      expect(new Map([...(await store.getStatePartsByKey('s', ['e:10', 'nope', 'meta']))].map(([k, v]) => [k, [...v]]))).toEqual(new Map([['e:10', [8]], ['meta', [3]]]));
      expect([...(await store.getStatePartsByKey('s', ['ei:1'])).keys()]).toEqual(['ei:1']);
      await store.putStateParts('s', [], { removed: ['ei:1', 'e:10'] });
      await store.putStateParts('s', [{ key: 't:1', value: bytes(5) }], { replace: true });
      expect(await read('s')).toEqual(new Map([['t:1', [5]]]));
      expect(await read('other')).toEqual(new Map([['meta', [9]]]));
      await store.setState('s', 'old');
      await store.deleteState('s');
      expect(await store.getState('s')).toBeNull();
      await store.close();
    });

    it('keeps stories in line with the clusters: stable ids, children, dropped merges', async () => {
      const { store, ids } = await analysed();
      const [a, b, c] = ids as [number, number, number];
      await store.syncStories([
        { key: 't1', level: 'topic', parentKey: null, articleIds: [a, b, c], headline: null, dateStart: null, dateEnd: null },
        { key: 'e1', level: 'event', parentKey: 't1', articleIds: [a, c], headline: null, dateStart: '2021-03-01', dateEnd: '2021-03-01' },
        { key: 'e2', level: 'event', parentKey: 't1', articleIds: [b], headline: null, dateStart: '2021-03-02', dateEnd: '2021-03-02' },
      ]);
      const topic = (await store.listStories('topic'))[0]!;
      expect(topic.articleIds).toEqual([a, b, c]);
      expect((await store.childStories(topic.id)).map((s) => s.key)).toEqual(['e1', 'e2']);
      expect(await store.childCounts()).toEqual(new Map([[topic.id, 2]]));
      const e1 = (await store.childStories(topic.id))[0]!;
      await store.setStoryHeadline(e1.id, 'Reyes visits Lima', '2021-03-01', '2021-03-01');
      expect((await store.getStory(e1.id))?.headline).toBe('Reyes visits Lima');
      // e2 merges into e1: e1 keeps its id, e2 is gone.
      await store.syncStories([
        { key: 't1', level: 'topic', parentKey: null, articleIds: [a, b, c], headline: null, dateStart: null, dateEnd: null },
        { key: 'e1', level: 'event', parentKey: 't1', articleIds: [a, b, c], headline: null, dateStart: '2021-03-01', dateEnd: '2021-03-02' },
      ]);
      expect((await store.listStories('event')).map((s) => [s.id, s.articleIds])).toEqual([[e1.id, [a, b, c]]]);
      expect(await store.childCounts()).toEqual(new Map([[topic.id, 1]]));
      await store.close();
    });

    it('records an inferred date on the article, its open time expressions and the events they dated', async () => {
      const { store, ids } = await analysed();
      const undated = ids[2]!;
      const monday = (await store.timeRefs(undated)).find((t) => t.text === 'Monday')!;
      expect(monday.resolved).toBe(false);
      await store.recordInferredDate(
        undated,
        { value: '2021-03-01', granularity: 'day', timezone: null, rule: 'story:date-inference', evidence: 'the same visit in c0' },
        [{ text: 'Monday', value: '2021-03-01', start: monday.start, end: monday.end }],
        'inferred from story 1',
      );
      expect((await store.getArticle(undated))?.inferredPublished).toMatchObject({ value: '2021-03-01', evidence: 'the same visit in c0' });
      expect((await store.getArticle(undated))?.published).toBeNull();
      expect((await store.timeRefs(undated)).find((t) => t.text === 'Monday')).toMatchObject({ value: '2021-03-01', rule: 'story:inferred' });
      const events = await store.queryEvents({ articleIds: [undated] });
      expect(events.length).toBeGreaterThan(0);
      for (const e of events) expect(e).toMatchObject({ date: '2021-03-01', dateResolved: false });
      await store.close();
    });
  });
}

const t = tempDir('dossier-contract-');
describeStoreContract('SqliteStore', () => openStore(join(t.dir, `c${Math.random().toString(36).slice(2)}.db`)));
