// The TempEval-3 scorer on the first TimeBank documents (read from ../shared at run time), with
// a floor under the figures so that a regression in the rules shows.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyScore, figures, readTimexJsonl, scoreDocs, scoreDoc } from '../../src/bench/timex.js';
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
  it('checks strict spans and values against overlapping gold spans', () => {
    const s = emptyScore();
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
    expect(s).toMatchObject({ system: 3, gold: 2, relaxedSys: 2, relaxedGold: 2, strictSys: 1, strictGold: 1, typeOk: 2, valueOk: 1, valueSys: 1, valueGold: 1 });
  });

  it('counts precision and recall on their own sides, without one-to-one pairing', () => {
    // One system span across two gold spans matches both; two system spans inside one gold span both match it.
    const s = emptyScore();
    scoreDoc([{ start: 0, end: 20, type: 'DATE', value: 'A' }], [
      { start: 0, end: 8, type: 'DATE', value: 'B' },
      { start: 10, end: 20, type: 'DURATION', value: 'A' },
    ], s);
    expect(s).toMatchObject({ system: 1, gold: 2, relaxedSys: 1, relaxedGold: 2, strictSys: 0, strictGold: 0, valueSys: 1, valueGold: 1 });
    // Type and value accuracy look at the gold span overlapped most (the second one here).
    expect(s).toMatchObject({ typeOk: 0, valueOk: 1 });
    const t = emptyScore();
    scoreDoc([
      { start: 0, end: 8, type: 'DATE', value: 'A' },
      { start: 9, end: 20, type: 'DATE', value: 'B' },
    ], [{ start: 0, end: 20, type: 'DATE', value: 'A' }], t);
    expect(t).toMatchObject({ system: 2, gold: 1, relaxedSys: 2, relaxedGold: 1, valueSys: 1, valueGold: 1 });
    const f = figures(t);
    expect(f.relaxed.p).toBe(1);
    expect(f.value.p).toBe(0.5);
  });
});
