import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { buildNetwork, networkToGraphml } from '../../src/views/graph.js';
import { eventsToCsv, eventsToGdelt, GDELT_COLUMNS } from '../../src/views/events-table.js';
import type { StoredEvent } from '../../src/store/store.js';

const base: StoredEvent = {
  id: 7, articleId: 3, field: 'text', start: 10, end: 80, sentence: 'Norway and Chile signed a fisheries accord, "a big step", on Monday.',
  cameo: '057', root: '05', plover: 'AGREE', quad: 1, goldstein: 8, source: 'NORGOV', sourceEntityId: null, sourceText: 'Norway',
  target: 'CHLGOV', targetEntityId: 11, targetText: 'Chile', date: '2021-03-15', dateEnd: null, dateResolved: true, location: 'Oslo',
  modality: 'asserted', confidence: 0.8, trigger: 'signed', sourceKey: null, targetKey: 'chile', reciprocal: false, planned: null, confirmed: null,
};

describe('event exports', () => {
  it('writes the GDELT 2.0 event layout: 61 tab-separated columns', async () => {
    const tsv = eventsToGdelt([base, { ...base, id: 8, date: null, dateResolved: false }], { articleUrl: () => 'https://example.org/a', entityName: (id) => (id === 11 ? 'Republic of Chile' : null) }, new Date('2021-03-16T10:00:00Z'));
    const rows = tsv.trim().split('\n').map((l) => l.split('\t'));
    expect(GDELT_COLUMNS).toHaveLength(61);
    expect(rows[0]).toHaveLength(61);
    const get = (r: string[], c: (typeof GDELT_COLUMNS)[number]) => r[GDELT_COLUMNS.indexOf(c)];
    expect(get(rows[0]!, 'SQLDATE')).toBe('20210315');
    expect(get(rows[0]!, 'Actor1CountryCode')).toBe('NOR');
    expect(get(rows[0]!, 'Actor1Type1Code')).toBe('GOV');
    expect(get(rows[0]!, 'Actor2Name')).toBe('Republic of Chile');
    expect(get(rows[0]!, 'EventRootCode')).toBe('05');
    expect(get(rows[0]!, 'DATEADDED')).toBe('20210316100000');
    expect(get(rows[1]!, 'SQLDATE')).toBe('');
  });

  it('quotes CSV cells that need it', async () => {
    const csv = eventsToCsv([base]);
    expect(csv.split('\n')[1]).toContain('"Norway and Chile signed a fisheries accord, ""a big step"", on Monday."');
  });
});

describe('actor network', () => {
  it('sums events and Goldstein per directed pair and month, and writes valid GraphML', async () => {
    const net = buildNetwork([
      { source: 'NORGOV', target: 'CHLGOV', goldstein: 8, quad: 1, date: '2021-03-15' },
      { source: 'NORGOV', target: 'CHLGOV', goldstein: -2, quad: 3, date: '2021-04-01' },
      { source: 'CHLGOV', target: 'NORGOV', goldstein: 3.4, quad: 1, date: null },
      { source: 'NORGOV', target: null, goldstein: 1, quad: 1, date: null },
    ]);
    expect(net.nodes.map((n) => n.id)).toEqual(['CHLGOV', 'NORGOV']);
    expect(net.edges[0]).toMatchObject({ source: 'NORGOV', target: 'CHLGOV', events: 2, goldstein: 6, cooperation: 1, conflict: 1 });
    expect(net.edges[0]!.byMonth).toEqual({ '2021-03': { events: 1, goldstein: 8 }, '2021-04': { events: 1, goldstein: -2 } });
    const doc = parseHTML('<html></html>');
    const parsed = new doc.DOMParser().parseFromString(networkToGraphml(net), 'text/xml');
    expect(parsed.querySelectorAll('node')).toHaveLength(2);
    expect(parsed.querySelectorAll('edge')).toHaveLength(2);
  });
});

describe('actor network labels', () => {
  it('tells apart two codes that share a readable name (a country and its government)', async () => {
    const ev = { goldstein: 1, quad: 1, date: null };
    const net = buildNetwork([
      { ...ev, source: 'SYR', target: 'IRN', sourceLabel: 'Syria', targetLabel: 'Iran' },
      { ...ev, source: 'SYRGOV', target: 'IRN', sourceLabel: 'Syria', targetLabel: 'Iran' },
    ]);
    const labels = Object.fromEntries(net.nodes.map((n) => [n.id, n.label]));
    expect(labels).toEqual({ SYR: 'Syria (SYR)', SYRGOV: 'Syria (SYRGOV)', IRN: 'Iran' });
    expect(networkToGraphml(net)).toContain('<data key="label">Syria (SYRGOV)</data>');
  });
});
