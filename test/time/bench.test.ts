// The TempEval-3 scorer on the first TimeBank documents (read from ../shared at run time), with
// a floor under the figures so that a regression in the rules shows.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figures, readTimexJsonl, scoreDocs, scoreDoc } from '../../src/bench/timex.js';
import { benchDir } from '../../src/paths.js';

const file = join(benchDir('timex'), 'tempeval3', 'timebank.jsonl');

describe.skipIf(!existsSync(file))('timex scorer on TimeBank', () => {
  it('scores the first 20 documents above a floor', () => {
    const docs = readTimexJsonl(file, 20);
    const s = scoreDocs(docs);
    const f = figures(s);
    expect(s.gold).toBeGreaterThan(50);
    expect(f.relaxed.f1).toBeGreaterThan(0.92);
    expect(f.strict.f1).toBeGreaterThan(0.9);
    expect(f.valueAccuracy).toBeGreaterThan(0.82);
    expect(f.value.f1).toBeGreaterThan(0.78);
  });
});

describe('scoreDoc', () => {
  it('matches overlaps one-to-one and checks strict spans and values', () => {
    const s = { system: 0, gold: 0, relaxed: 0, strict: 0, typeOk: 0, valueOk: 0, seconds: 0 };
    const gold = [
      { start: 0, end: 9, type: 'DATE', value: '2017-10-18' },
      { start: 20, end: 29, type: 'DATE', value: '2017-W41' },
      { type: 'DATE', value: '2017' },
    ];
    scoreDoc([
      { start: 0, end: 9, type: 'DATE', value: '2017-10-18' },
      { start: 15, end: 29, type: 'DATE', value: '2017-W40' },
      { start: 40, end: 44, type: 'DATE', value: '2011' },
    ], gold, s);
    expect(s).toMatchObject({ system: 3, gold: 2, relaxed: 2, strict: 1, typeOk: 2, valueOk: 1 });
  });
});
