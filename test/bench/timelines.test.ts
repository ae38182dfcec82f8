import { describe, expect, it } from 'vitest';
import { closure, relations } from '../../src/bench/timelines.js';

const tl = [
  { order: 0, date: 'XXXX-XX-XX', events: [{ doc_id: 'd', sent: 9, mention: 'x' }] },
  { order: 1, date: '2001', events: [{ doc_id: 'd', sent: 1, mention: 'a' }, { doc_id: 'e', sent: 1, mention: 'a2' }] },
  { order: 2, date: '2002-05', events: [{ doc_id: 'd', sent: 2, mention: 'b' }] },
  { order: 3, date: '2003-01-02', events: [{ doc_id: 'd', sent: 3, mention: 'c' }] },
];

describe('timeline scorer', () => {
  it('states simultaneity with dates and within a position, and order between positions; leaves unplaced events out', () => {
    const r = relations(tl);
    expect(r.nodes).not.toContain('d-9-x');
    expect(r.sim).toEqual(expect.arrayContaining([['d-1-a', 't:2001'], ['d-1-a', 'e-1-a2']]));
    expect(r.before).toEqual(expect.arrayContaining([['d-1-a', 'd-2-b'], ['e-1-a2', 'd-2-b'], ['d-2-b', 'd-3-c']]));
  });

  it('closes the graph: transitivity of order, through simultaneous nodes', () => {
    const holds = closure(relations(tl));
    expect(holds('before', 'e-1-a2', 'd-3-c')).toBe(true);
    expect(holds('before', 't:2001', 'd-3-c')).toBe(true);
    expect(holds('before', 'd-3-c', 'd-1-a')).toBe(false);
    expect(holds('sim', 'd-1-a', 'e-1-a2')).toBe(true);
  });
});
