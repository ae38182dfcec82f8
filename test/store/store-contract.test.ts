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

    function analysed(): { store: Store; ids: number[] } {
      const store = open();
      const ids = [storeArticle(store, article(0, '2021-03-01')).id, storeArticle(store, article(1, '2021-03-02')).id, storeArticle(store, article(2, null)).id];
      expect(analysePending(store, analysers)).toEqual(ids);
      return { store, ids };
    }

    it('keeps one article analysis whole: mentions with canonical entities, times, quotes, events', () => {
      const { store, ids } = analysed();
      const layers = store.articleLayers(ids[0]!);
      const reyes = layers.mentions.find((m) => m.text.includes('Reyes') && m.type === 'PERSON');
      expect(reyes?.entityKey).toBeTruthy();
      expect(store.entityName(reyes!.entityKey!)).toBe(reyes!.entity);
      expect(store.entityName(reyes!.entityId!)).toBe(reyes!.entity);
      expect(layers.times.some((t) => t.value === '2021-03-01' && t.resolved)).toBe(true);
      expect(layers.quotes[0]?.speakerKey).toBe(reyes!.entityKey);
      expect(store.articleEntityKeys(ids[0]!)).toContain(reyes!.entityKey);
      expect(store.timeRefs(ids[0]!).map((t) => t.text)).toContain('Monday');
      expect(store.queryEvents({ articleIds: [ids[1]!] }).some((e) => e.root === '05' || e.root === '06')).toBe(true);
      // The person named in all three articles heads the label of the three.
      expect(store.topEntityNames(ids, ['PERSON'], 1)).toEqual([reyes!.entity]);
      store.close();
    });

    it('labels articles by the entities that mark them out, not by one the whole store mentions', () => {
      // Made up: Chile is in every article of the store, Reyes and Lima only in the last two.
      const texts = [
        'Chile reported record copper exports on Monday, the mining ministry said.',
        'Chile and Argentina opened a new border crossing in the Andes on Tuesday.',
        'Forest fires burned thousands of hectares in southern Chile on Wednesday.',
        'Foreign Minister Ana Reyes of Chile arrived in Lima on Monday. Reyes met trade officials there.',
        'Ana Reyes of Chile signed a trade accord in Lima on Tuesday, officials said.',
      ];
      const store = open();
      const ids = texts.map((text, i) => storeArticle(store, { ...article(0, '2021-03-01'), source: { kind: 'file', location: `/label/${i}.txt` }, externalId: `l${i}`, text }).id);
      analysePending(store, analysers);
      const pair = ids.slice(3);
      expect(store.topEntityNames(ids, ['GPE'], 1)).toEqual(['Chile']);
      const label = store.topEntityNames(pair, ['PERSON', 'GPE'], 2);
      expect(label).toHaveLength(2);
      expect(label).not.toContain('Chile');
      expect(label[0]).toBe('Ana Reyes');
      store.close();
    });

    it('replaces an article analysis instead of adding to it when everything is analysed again', () => {
      const { store, ids } = analysed();
      const count = () => ids.map((id) => store.articleLayers(id)).map((l) => [l.mentions.length, l.times.length, l.quotes.length, l.events.length].join('/'));
      const before = count();
      const aliasesBefore = store.listEntities().map((e) => `${e.key}:${e.aliases.map((a) => `${a.alias}=${a.count}`).join(',')}`);
      expect(store.articlesToAnalyse(Number.MAX_SAFE_INTEGER, false)).toEqual(ids);
      analysePending(store, analysers, { force: true });
      expect(count()).toEqual(before);
      expect(store.listEntities().map((e) => `${e.key}:${e.aliases.map((a) => `${a.alias}=${a.count}`).join(',')}`)).toEqual(aliasesBefore);
      store.close();
    });

    it('rolls a transaction back whole', () => {
      const store = open();
      expect(() =>
        store.transaction(() => {
          store.setState('probe', 'written');
          throw new Error('stop');
        }),
      ).toThrow('stop');
      expect(store.getState('probe')).toBeNull();
      store.transaction(() => store.setState('probe', 'kept'));
      expect(store.getState('probe')).toBe('kept');
      store.close();
    });

    it('keeps a state in binary parts: upserts, removals, a whole replacement, all inside transactions', () => {
      const store = open();
      const bytes = (...b: number[]) => Uint8Array.from(b);
      const read = (scope: string) => new Map(store.getStateParts(scope).map((p) => [p.key, [...p.value]]));
      expect(store.getStateParts('s')).toEqual([]);
      store.putStateParts('s', [{ key: 'meta', value: bytes(1, 2) }, { key: 'e:1', value: bytes(0, 255, 7) }, { key: 'e:2', value: bytes() }]);
      store.putStateParts('other', [{ key: 'meta', value: bytes(9) }]);
      store.putStateParts('s', [{ key: 'meta', value: bytes(3) }], { removed: ['e:2'] });
      expect(read('s')).toEqual(new Map([['meta', [3]], ['e:1', [0, 255, 7]]]));
      expect(() =>
        store.transaction(() => {
          store.putStateParts('s', [{ key: 'e:3', value: bytes(4) }], { removed: ['e:1'] });
          throw new Error('stop');
        }),
      ).toThrow('stop');
      expect(read('s')).toEqual(new Map([['meta', [3]], ['e:1', [0, 255, 7]]]));
      // Read by prefix, by key, or counted, as a clusterer reads a large state a part at a time.
      store.putStateParts('s', [{ key: 'ei:1', value: bytes(6) }, { key: 'e:10', value: bytes(8) }]);
      expect(store.getStateParts('s', 'e:').map((p) => p.key).sort()).toEqual(['e:1', 'e:10']);
      expect(store.getStatePartKeys('s', 'e').sort()).toEqual(['e:1', 'e:10', 'ei:1']);
      expect(store.countStateParts('s', 'e:')).toBe(2);
      expect(store.countStateParts('other', 'e:')).toBe(0);
      expect(new Map([...store.getStatePartsByKey('s', ['e:10', 'nope', 'meta'])].map(([k, v]) => [k, [...v]]))).toEqual(new Map([['e:10', [8]], ['meta', [3]]]));
      expect([...store.getStatePartsByKey('s', ['ei:1']).keys()]).toEqual(['ei:1']);
      store.putStateParts('s', [], { removed: ['ei:1', 'e:10'] });
      store.putStateParts('s', [{ key: 't:1', value: bytes(5) }], { replace: true });
      expect(read('s')).toEqual(new Map([['t:1', [5]]]));
      expect(read('other')).toEqual(new Map([['meta', [9]]]));
      store.setState('s', 'old');
      store.deleteState('s');
      expect(store.getState('s')).toBeNull();
      store.close();
    });

    it('keeps stories in line with the clusters: stable ids, children, dropped merges', () => {
      const { store, ids } = analysed();
      const [a, b, c] = ids as [number, number, number];
      store.syncStories([
        { key: 't1', level: 'topic', parentKey: null, articleIds: [a, b, c], headline: null, dateStart: null, dateEnd: null },
        { key: 'e1', level: 'event', parentKey: 't1', articleIds: [a, c], headline: null, dateStart: '2021-03-01', dateEnd: '2021-03-01' },
        { key: 'e2', level: 'event', parentKey: 't1', articleIds: [b], headline: null, dateStart: '2021-03-02', dateEnd: '2021-03-02' },
      ]);
      const topic = store.listStories('topic')[0]!;
      expect(topic.articleIds).toEqual([a, b, c]);
      expect(store.childStories(topic.id).map((s) => s.key)).toEqual(['e1', 'e2']);
      expect(store.childCounts()).toEqual(new Map([[topic.id, 2]]));
      const e1 = store.childStories(topic.id)[0]!;
      store.setStoryHeadline(e1.id, 'Reyes visits Lima', '2021-03-01', '2021-03-01');
      expect(store.getStory(e1.id)?.headline).toBe('Reyes visits Lima');
      // e2 merges into e1: e1 keeps its id, e2 is gone.
      store.syncStories([
        { key: 't1', level: 'topic', parentKey: null, articleIds: [a, b, c], headline: null, dateStart: null, dateEnd: null },
        { key: 'e1', level: 'event', parentKey: 't1', articleIds: [a, b, c], headline: null, dateStart: '2021-03-01', dateEnd: '2021-03-02' },
      ]);
      expect(store.listStories('event').map((s) => [s.id, s.articleIds])).toEqual([[e1.id, [a, b, c]]]);
      expect(store.childCounts()).toEqual(new Map([[topic.id, 1]]));
      store.close();
    });

    it('records an inferred date on the article, its open time expressions and the events they dated', () => {
      const { store, ids } = analysed();
      const undated = ids[2]!;
      const monday = store.timeRefs(undated).find((t) => t.text === 'Monday')!;
      expect(monday.resolved).toBe(false);
      store.recordInferredDate(
        undated,
        { value: '2021-03-01', granularity: 'day', timezone: null, rule: 'story:date-inference', evidence: 'the same visit in c0' },
        [{ text: 'Monday', value: '2021-03-01', start: monday.start, end: monday.end }],
        'inferred from story 1',
      );
      expect(store.getArticle(undated)?.inferredPublished).toMatchObject({ value: '2021-03-01', evidence: 'the same visit in c0' });
      expect(store.getArticle(undated)?.published).toBeNull();
      expect(store.timeRefs(undated).find((t) => t.text === 'Monday')).toMatchObject({ value: '2021-03-01', rule: 'story:inferred' });
      const events = store.queryEvents({ articleIds: [undated] });
      expect(events.length).toBeGreaterThan(0);
      for (const e of events) expect(e).toMatchObject({ date: '2021-03-01', dateResolved: false });
      store.close();
    });
  });
}

const t = tempDir('dossier-contract-');
describeStoreContract('SqliteStore', () => openStore(join(t.dir, `c${Math.random().toString(36).slice(2)}.db`)));
