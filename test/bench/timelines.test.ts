import { describe, expect, it } from 'vitest';
import { awareness, relations, TimeGraph } from '../../src/bench/timelines.js';

const ev = (doc: string, sent: number, mention: string) => ({ doc_id: doc, sent, mention });
const tl = [
  { order: 0, date: 'XXXX-XX-XX', events: [ev('d', 9, 'x')] },
  { order: 1, date: '2001', events: [ev('d', 1, 'a'), ev('e', 1, 'A2')] },
  { order: 2, date: '2002-05', events: [ev('d', 2, 'b')] },
  { order: 3, date: '2003-01-02', events: [ev('d', 3, 'c')] },
];

describe('timeline scorer', () => {
  it('states simultaneity with dates and within a position, order between positions; unplaced events take no order', () => {
    const r = relations(tl);
    expect(r).toContainEqual(['sim', 'd-1-a', 't:2001']);
    expect(r).toContainEqual(['sim', 'd-1-a', 'e-1-a2']);
    expect(r).toContainEqual(['before', 'e-1-a2', 'd-2-b']);
    expect(r.some(([, a, b]) => a === 'd-9-x' || b === 'd-9-x')).toBe(false);
    expect(relations(tl, { unknownDateNode: true })).toContainEqual(['sim', 'd-9-x', 't:XXXX-XX-XX']);
  });

  it('closes the graph through simultaneous nodes and keeps only the non-redundant relations', () => {
    const g = new TimeGraph(relations(tl));
    expect(g.holds('before', 'e-1-a2', 'd-3-c')).toBe(true);
    expect(g.holds('before', 't:2001', 'd-3-c')).toBe(true);
    expect(g.holds('before', 'd-3-c', 'd-1-a')).toBe(false);
    expect(g.holds('sim', 'd-1-a', 'e-1-a2')).toBe(true);
    // a2 is already simultaneous with a through the date; only one BEFORE per pair of positions is needed
    expect(g.reduced).not.toContainEqual(['sim', 'd-1-a', 'e-1-a2']);
    expect(g.reduced.filter((r) => r[0] === 'before')).toHaveLength(2);
  });

  it('keeps a contradicting relation in the reduced graph without adding it', () => {
    const g = new TimeGraph([['sim', 'a', 't'], ['sim', 'b', 't'], ['before', 'a', 'b']]);
    expect(g.reduced).toHaveLength(3);
    expect(g.holds('before', 'a', 'b')).toBe(false);
    expect(g.confirms(['before', 'a', 'b'])).toBe(true); // stated as such
  });

  it('scores a timeline against itself as perfect and an empty one as zero recall', () => {
    const self = awareness(tl, tl);
    expect(self.pOk).toBe(self.pAll);
    expect(self.rOk).toBe(self.rAll);
    const none = awareness([], tl);
    expect(none.rOk).toBe(0);
    expect(none.rAll).toBeGreaterThan(0);
  });
});

describe('timelines benchmark on the trial data', () => {
  it('scores the gold timelines as perfect against themselves and ours above the published main-track figure', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { benchDir } = await import('../../src/paths.js');
    const { runner } = await import('../../src/bench/timelines.js');
    const gold = readFileSync(join(benchDir('timelines'), 'semeval2015', 'timelines.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { entries: Parameters<typeof awareness>[1] });
    for (const g of gold) {
      const c = awareness(g.entries, g.entries);
      expect(c.pOk).toBe(c.pAll);
      expect(c.rOk).toBe(c.rAll);
    }
    const report = await runner.run({ args: [] });
    const f1 = report.rows.find((r) => r.metric.startsWith('temporal-awareness F1'))!.ours as number;
    // the trial data is not the test corpora, but a working system must clear the best published run
    expect(f1).toBeGreaterThan(0.0785);
    expect(report.notes?.filter((n) => /: P \d+\/\d+, R \d+\/\d+/.test(n))).toHaveLength(6);
  }, 60000);
});
