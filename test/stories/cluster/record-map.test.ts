// Clusters read from the saved state on first use: a save sees only those read, a listing reads the rest.
import { describe, expect, it } from 'vitest';
import { RecordMap } from '../../../src/stories/cluster/record-map.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('RecordMap', () => {
  it('reads and decodes a record once, when first needed, and lists only the read ones as decoded', () => {
    const saved = new Map([
      [1, bytes('one')],
      [2, bytes('two')],
      [4, bytes('four')],
    ]);
    const reads: number[][] = [];
    let decodes = 0;
    const m = new RecordMap<{ name: string }>(
      (b) => {
        decodes++;
        return { name: new TextDecoder().decode(b) };
      },
      {
        numbers: () => saved.keys(),
        read: (ns) => {
          reads.push([...ns]);
          return new Map(ns.map((n) => [n, saved.get(n)!]));
        },
      },
    );
    m.set(3, { name: 'three' });
    expect(m.size).toBe(4);
    expect(m.has(2)).toBe(true);
    expect(decodes).toBe(0);
    expect(m.get(1)).toBe(m.get(1));
    expect(decodes).toBe(1);
    expect(reads).toEqual([[1]]);
    expect([...m.decoded()].map((r) => r.name).sort()).toEqual(['one', 'three']);
    // A cluster merged away is never read.
    expect(m.delete(2)).toBe(true);
    expect(m.has(2)).toBe(false);
    expect(m.get(9)).toBeUndefined();
    // A listing reads what is left in one go.
    expect([...m.values()].map((r) => r.name).sort()).toEqual(['four', 'one', 'three']);
    expect(reads).toEqual([[1], [4]]);
    expect(decodes).toBe(2);
  });

  it('refuses a cluster the state says it holds but cannot give', () => {
    const m = new RecordMap<string>((b) => String(b.length), { numbers: () => [7], read: () => new Map() });
    expect(() => m.get(7)).toThrow(/lacks cluster part 7/);
  });
});
