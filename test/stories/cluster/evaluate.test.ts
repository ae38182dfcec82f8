import { describe, expect, it } from 'vitest';
import { scorePartition } from '../../../src/stories/cluster/evaluate.js';

describe('scorePartition', () => {
  // Gold: {a,b,c} {d,e}; system: {a,b} {c,d,e}.
  const gold = new Map([['a', 'X'], ['b', 'X'], ['c', 'X'], ['d', 'Y'], ['e', 'Y']]);
  const system = new Map([['a', '1'], ['b', '1'], ['c', '2'], ['d', '2'], ['e', '2']]);

  it('computes pairwise precision and recall by hand', () => {
    // System pairs: ab, cd, ce, de = 4; gold pairs: ab, ac, bc, de = 4; shared: ab, de = 2.
    const s = scorePartition(system, gold);
    expect(s.pairwise.precision).toBeCloseTo(0.5);
    expect(s.pairwise.recall).toBeCloseTo(0.5);
    expect(s.pairwise.f1).toBeCloseTo(0.5);
  });

  it('computes BCubed precision and recall by hand', () => {
    // Precision: a,b 2/2; c 1/3; d,e 2/3 -> (1+1+1/3+2/3+2/3)/5 = 11/15.
    // Recall: a,b 2/3; c 1/3; d,e 2/2 -> (2/3+2/3+1/3+1+1)/5 = 11/15.
    const s = scorePartition(system, gold);
    expect(s.bcubed.precision).toBeCloseTo(11 / 15);
    expect(s.bcubed.recall).toBeCloseTo(11 / 15);
  });

  it('gives 1 for identical partitions and punishes one big cluster', () => {
    expect(scorePartition(gold, gold).bcubed.f1).toBeCloseTo(1);
    const lump = new Map([...gold.keys()].map((k) => [k, 'all']));
    const s = scorePartition(lump, gold);
    expect(s.bcubed.recall).toBeCloseTo(1);
    expect(s.bcubed.precision).toBeCloseTo((3 * 3 / 5 + 2 * 2 / 5) / 5);
    expect(s.pairwise.precision).toBeCloseTo(4 / 10);
  });

  it('refuses a document the system never placed', () => {
    expect(() => scorePartition(new Map([['a', '1']]), gold)).toThrow(/no system cluster/);
  });
});
