import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../src/entities/numeric.js';

describe('number mentions', () => {
  it('finds money, percentages and counts with their values', () => {
    const text = 'The flood displaced more than 12,500 people and caused $3.2 billion in damage; insurers expect 40 percent of it, about 2 million euros, in two years. Dozens were hurt.';
    const got = findNumbers(text).map((n) => [n.type, n.text, n.value]);
    expect(got).toEqual([
      ['CARDINAL', '12,500', 12500],
      ['MONEY', '$3.2 billion', 3.2e9],
      ['PERCENT', '40 percent', 40],
      ['MONEY', '2 million euros', 2e6],
      ['CARDINAL', 'two', 2],
      ['CARDINAL', 'Dozens', null],
    ]);
  });

  it('leaves years and clock times to the time layer', () => {
    expect(findNumbers('In 2011, at 10:30, the war began.').map((n) => n.text)).toEqual([]);
  });

  it('reads number words', () => {
    expect(findNumbers('three hundred thousand soldiers').map((n) => n.value)).toEqual([300000]);
  });
});
