// The metadata ranker: fitting prefers the signal that marks gold candidates, is deterministic, and
// cross-validation keeps each group (site) in one fold.
import { describe, expect, it } from 'vitest';
import { best, crossValidate, fitRanker, foldOf, type TrainingPage } from '../../../../src/ingest/html/meta/ranker.js';

/** Pages where the candidate with 'good' is gold and one with 'noise' is not; 'noise' sometimes rides along. */
function pages(n: number): TrainingPage[] {
  return Array.from({ length: n }, (_, i): TrainingPage => {
    const gold: Record<string, number> = i % 3 === 0 ? { good: 1, noise: 1 } : { good: 1 };
    return { group: `site${i % 7}`, cands: [{ features: gold, gold: true }, { features: { noise: 1 }, gold: false }, { features: {}, gold: false }] };
  });
}

describe('fitRanker', () => {
  it('weighs the gold-marking signal up and the other down, the same bytes on a rerun', () => {
    const w = fitRanker(pages(40));
    expect(w['good']).toBeGreaterThan(0.5);
    expect(w['good']!).toBeGreaterThan(w['noise'] ?? 0);
    expect(JSON.stringify(fitRanker(pages(40)))).toBe(JSON.stringify(w));
    const top = best([{ value: 'a', sources: ['x'], features: { noise: 1 } }, { value: 'b', sources: ['y'], features: { good: 1 } }], w);
    expect(top?.value).toBe('b');
  });
});

describe('crossValidate', () => {
  it('scores every page once, with each site in a single fold', () => {
    const ps = pages(35);
    for (const p of ps) expect(foldOf(p.group, 5)).toBe(foldOf(p.group, 5));
    const r = crossValidate(ps, 5);
    expect(r.total).toBe(35);
    expect(r.correct).toBe(35);
    // A page whose gold no candidate holds is a miss.
    const missing: TrainingPage = { group: 'siteX', cands: [{ features: { good: 1 }, gold: false }] };
    expect(crossValidate([...ps, missing], 5).correct).toBe(35);
  });
});
