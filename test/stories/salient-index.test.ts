import { describe, expect, it } from 'vitest';
import { SalientIndex } from '../../src/stories/cluster/salient-index.js';

describe('SalientIndex', () => {
  it('ranks clusters by the weight of the keys they share with a query', () => {
    const idx = new SalientIndex(8);
    idx.put('a', ['t:flood', 't:river']);
    idx.put('b', ['t:flood', 'p:brackenford']);
    idx.put('c', ['t:election']);
    const q = new Map([['t:flood', 0.2], ['p:brackenford', 0.5]]);
    expect(idx.candidates(q, 10, () => true)).toEqual(['b', 'a']);
    expect(idx.candidates(q, 1, () => true)).toEqual(['b']);
    expect(idx.candidates(q, 10, (id) => id !== 'b')).toEqual(['a']);
  });

  it('keeps only the most recently announced clusters per key', () => {
    const idx = new SalientIndex(3);
    for (const id of ['a', 'b', 'c', 'd']) idx.put(id, ['t:quake']);
    idx.put('b', ['t:quake']); // b moves to the fresh end; a is long gone
    const q = new Map([['t:quake', 1]]);
    expect(idx.candidates(q, 10, () => true).sort()).toEqual(['b', 'c', 'd']);
    idx.put('e', ['t:quake']);
    expect(idx.candidates(q, 10, () => true).sort()).toEqual(['b', 'd', 'e']);
  });

  it('survives a JSON round trip', () => {
    const idx = new SalientIndex(4);
    idx.put('a', ['t:x', 't:y']);
    const back = SalientIndex.fromJSON(JSON.parse(JSON.stringify(idx.toJSON())), 4);
    expect(back.candidates(new Map([['t:y', 1]]), 5, () => true)).toEqual(['a']);
  });
});
