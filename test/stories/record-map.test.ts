// Clusters decoded on first read: a save sees only those read, a listing decodes the rest.
import { describe, expect, it } from 'vitest';
import { RecordMap } from '../../src/stories/cluster/record-map.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('RecordMap', () => {
  it('decodes a record once, when first read, and lists only the read ones as decoded', () => {
    let decodes = 0;
    const m = new RecordMap<{ name: string }>((b) => {
      decodes++;
      return { name: new TextDecoder().decode(b) };
    });
    m.putEncoded(1, bytes('one'));
    m.putEncoded(2, bytes('two'));
    m.set(3, { name: 'three' });
    expect(m.size).toBe(3);
    expect(m.has(2)).toBe(true);
    expect(decodes).toBe(0);
    expect(m.get(1)).toBe(m.get(1));
    expect(decodes).toBe(1);
    expect([...m.decoded()].map((r) => r.name).sort()).toEqual(['one', 'three']);
    expect(m.delete(2)).toBe(true);
    expect(m.has(2)).toBe(false);
    expect([...m.values()].map((r) => r.name).sort()).toEqual(['one', 'three']);
    expect(decodes).toBe(1);
    m.putEncoded(4, bytes('four'));
    expect([...m.values()].map((r) => r.name).sort()).toEqual(['four', 'one', 'three']);
    expect(decodes).toBe(2);
    expect(m.get(9)).toBeUndefined();
  });
});
