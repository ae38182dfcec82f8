import { describe, expect, it } from 'vitest';
import { SalientIndex } from '../../../src/stories/cluster/salient-index.js';

// Keys and cluster ids are interned integers; names below only make the cases readable.
const FLOOD = 10;
const RIVER = 11;
const BRACKENFORD = 12;
const ELECTION = 13;
const QUAKE = 14;

describe('SalientIndex', () => {
  it('ranks clusters by the weight of the keys they share with a query', () => {
    const idx = new SalientIndex(8);
    idx.put(1, [FLOOD, RIVER]);
    idx.put(2, [FLOOD, BRACKENFORD]);
    idx.put(3, [ELECTION]);
    const keys = [FLOOD, BRACKENFORD];
    const weights = [0.2, 0.5];
    expect(idx.candidates(keys, weights, 10, () => true)).toEqual([2, 1]);
    expect(idx.candidates(keys, weights, 1, () => true)).toEqual([2]);
    expect(idx.candidates(keys, weights, 10, (id) => id !== 2)).toEqual([1]);
  });

  it('keeps only the most recently announced clusters per key', () => {
    const idx = new SalientIndex(3);
    for (const id of [1, 2, 3, 4]) idx.put(id, [QUAKE]);
    idx.put(2, [QUAKE]); // 2 moves to the fresh end; 1 is long gone
    expect(idx.candidates([QUAKE], [1], 10, () => true).sort()).toEqual([2, 3, 4]);
    idx.put(5, [QUAKE]);
    expect(idx.candidates([QUAKE], [1], 10, () => true).sort()).toEqual([2, 4, 5]);
  });

  it('survives a JSON round trip', () => {
    const idx = new SalientIndex(4);
    idx.put(1, [FLOOD, RIVER]);
    const back = SalientIndex.fromJSON(JSON.parse(JSON.stringify(idx.toJSON())), 4);
    expect(back.candidates([RIVER], [1], 5, () => true)).toEqual([1]);
  });
});
