// queryEvents by code prefix and by date range, on events written for this test: the indexed
// forms (a digit range for a code, the dated order for a range) return what the filters say.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Event } from '../../src/doc/layers.js';
import { emptyArticle } from '../../src/doc/article.js';
import { fakeArticle, tempDir } from '../helpers.js';
import { storeArticle } from '../../src/pipeline/store-article.js';

const t = tempDir('dossier-event-query-');

function ev(start: number, cameo: string, date: string | null): Event {
  return {
    field: 'text', start, end: start + 4, sentence: 's', cameo, root: cameo.slice(0, 2), plover: null, quad: 1, goldstein: 0,
    source: 'USAGOV', sourceText: 'Washington', sourceKey: null, target: 'CHN', targetText: 'Beijing', targetKey: null,
    date, dateEnd: null, dateResolved: date !== null, location: null, modality: 'asserted', confidence: 1, trigger: 'met',
    reciprocal: false, planned: null, confirmed: null,
  };
}

describe('queryEvents', () => {
  it('filters by code prefix and date range, in date then article order', async () => {
    const s = openStore(join(t.dir, 'q.db'));
    const ids: number[] = [];
    for (const i of [0, 1]) ids.push((await storeArticle(s, { ...emptyArticle({ kind: 'file', location: `/q/${i}.txt` }), text: fakeArticle(300 + i) })).id);
    const docs = [
      [ev(0, '190', '2024-03-05'), ev(10, '1901', '2024-03-01'), ev(20, '191', null), ev(30, '042', '2024-03-09')],
      [ev(0, '19', '2024-03-05'), ev(10, '036', '2024-03-04T10:00')],
    ];
    for (const [k, events] of docs.entries()) await s.saveAnalysis({ articleId: ids[k]!, sentences: [], mentions: [], numbers: [], times: [], quotes: [], events }, [], 1);
    const cameos = async (f: Parameters<typeof s.queryEvents>[0]) => (await s.queryEvents(f)).map((e) => e.cameo);
    expect(await cameos({ code: '190' })).toEqual(['1901', '190']);
    expect(await cameos({ code: '19' })).toEqual(['1901', '190', '19', '191']);
    expect(await cameos({ from: '2024-03-04', to: '2024-03-05' })).toEqual(['036', '190', '19']);
    expect(await cameos({ from: '2024-03-02' })).toEqual(['036', '190', '19', '042']);
    expect(await cameos({ to: '2024-03-04', limit: 1 })).toEqual(['1901']);
    expect(await cameos({ actor: 'usa', limit: 2 })).toEqual(['1901', '036']);
    await s.close();
  });
});

describe('every field of an event survives the store', () => {
  it('reads back reciprocity, the announced act and the confirmation as the coder gave them', async () => {
    const s = openStore(join(t.dir, 'fields.db'));
    const id = (await storeArticle(s, { ...emptyArticle({ kind: 'file', location: '/q/fields.txt' }), text: fakeArticle(400) })).id;
    const confirmed = { by: 'definite-noun', sentences: [{ start: 0, end: 4 }, { start: 10, end: 14 }] };
    const saved = { ...ev(0, '138', '2024-03-05'), reciprocal: true, planned: '190', confirmed, sourceKey: null, targetKey: null };
    await s.saveAnalysis({ articleId: id, sentences: [], mentions: [], numbers: [], times: [], quotes: [], events: [saved, ev(20, '042', null)] }, [], 1);
    const [first, second] = await s.queryEvents({ articleIds: [id] });
    const { id: _id, articleId, sourceEntityId, targetEntityId, ...fields } = first!;
    expect(articleId).toBe(id);
    expect([sourceEntityId, targetEntityId]).toEqual([null, null]);
    expect(fields).toEqual(saved);
    expect([second!.reciprocal, second!.planned, second!.confirmed]).toEqual([false, null, null]);
    await s.close();
  });
});
