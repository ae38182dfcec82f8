// The shingle scorer must reproduce the benchmark's published anchors from the stored outputs, and
// our extractor must score well on a sample of the benchmark pages (read from ../shared at run time).
import { describe, expect, it } from 'vitest';
import { loadPages, loadTruth, PUBLISHED, runPage, scorePublished } from '../../src/bench/aeb.js';
import { corpusScore, scorePage, shingles, tokens } from '../../src/bench/shingles.js';

describe('shingle scorer', () => {
  it('tokenises \\w+ runs across scripts and keeps case', () => {
    expect(tokens('Héllo, wörld_1 — Ünïcode 東京!')).toEqual(['Héllo', 'wörld_1', 'Ünïcode', '東京']);
  });

  it('builds 4-token shingle multisets, one short shingle for 1-3 tokens', () => {
    expect([...shingles('a b c d a b c d').entries()]).toEqual([
      ['a b c d', 2],
      ['b c d a', 1],
      ['c d a b', 1],
      ['d a b c', 1],
    ]);
    expect([...shingles('just two').entries()]).toEqual([['just two', 1]]);
    expect(shingles('  ').size).toBe(0);
  });

  it('scores one page from the multiset intersection', () => {
    const s = scorePage('one two three four five six', 'one two three four five');
    expect(s).toMatchObject({ tp: 2, fp: 1, fn: 0 });
    expect(s.precision).toBeCloseTo(2 / 3);
    expect(s.recall).toBe(1);
    expect(scorePage('', 'some truth here').precision).toBeNull();
  });

  it('reproduces the published F1 anchors from the stored outputs (within 0.002)', () => {
    const truth = loadTruth();
    const ids = Object.keys(truth);
    expect(ids.length).toBe(181);
    for (const p of PUBLISHED) {
      expect(Math.abs(scorePublished(p.system, truth, ids).f1 - p.f1), p.system).toBeLessThanOrEqual(0.002);
    }
  });
});

describe('extractor on benchmark pages', () => {
  it('scores above a sane floor on the first 15 pages', () => {
    const runs = loadPages(15).map(runPage);
    const score = corpusScore(runs.map((r) => r.score));
    expect(score.f1).toBeGreaterThan(0.93);
    for (const r of runs) expect(r.text.length, r.id).toBeGreaterThan(0);
  });
});
