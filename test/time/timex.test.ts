import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findTimes, resolveRelative } from '../../src/time/index.js';
import { scoreDocs } from '../../src/bench/timex.js';
import { benchDir } from '../../src/paths.js';

const anchor = { date: '2019-05-11' }; // a Saturday
const values = (text: string, a: { date: string } | null = anchor) => findTimes(text, a).map((t) => [t.text, t.value, t.resolved]);

describe('time expressions', () => {
  it('anchors weekdays in past-tense news to the latest such day on or before publication', () => {
    expect(values('The council voted on Thursday.')).toEqual([['Thursday', '2019-05-09', true]]);
    expect(values('The council will vote on Thursday.')).toEqual([['Thursday', '2019-05-16', true]]);
  });

  it('gives weeks, months, years, durations and reference points their TimeML values', () => {
    expect(values('Last week the plant closed after more than three years of losses; it reopens next month.')).toEqual([
      ['Last week', '2019-W18', true],
      ['three years', 'P3Y', true],
      ['next month', '2019-06', true],
    ]);
    expect(values('Prices have risen since 2011, and now they fall.')).toEqual([
      ['2011', '2011', true],
      ['now', 'PRESENT_REF', true],
    ]);
    expect(values('It happened on March 3, 2018 at the port.')).toEqual([['March 3, 2018', '2018-03-03', true]]);
  });

  it('keeps relative expressions unresolved without a publication date, and resolves them later', () => {
    const [t] = findTimes('The council voted on Thursday.', null);
    expect(t).toMatchObject({ value: 'XXXX-XX-XX', resolved: false, relative: { unit: 'weekday', weekday: 4, direction: 'past' } });
    expect(resolveRelative(t!.relative!, anchor)).toEqual({ value: '2019-05-09', granularity: 'day' });
  });

  it('reaches a floor on the first TimeBank documents', () => {
    const lines = readFileSync(join(benchDir('timex'), 'tempeval3', 'timebank.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 30);
    const s = scoreDocs(lines.map((l) => JSON.parse(l)));
    const f1 = (2 * s.relaxed) / (s.system + s.gold);
    expect(f1).toBeGreaterThan(0.7);
    expect(s.valueOk / s.relaxed).toBeGreaterThan(0.65);
  });
});
