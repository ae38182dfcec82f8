// Time expressions on TimeBank/AQUAINT (TempEval-3 training data) and MEANTIME, scored as in
// TempEval-3 Task A: relaxed (overlap) and strict span P/R/F1, type and value accuracy over
// relaxed matches, and value F1 (a system TIMEX3 counts when it overlaps a gold one and has
// the same value).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir } from '../paths.js';
import { findTimes } from '../time/index.js';
import type { TimeRef } from '../time/index.js';
import type { BenchReport, BenchRow, BenchRunner } from './report.js';

export interface GoldTimex {
  start?: number;
  end?: number;
  type: string;
  value: string;
  text?: string;
}

export interface GoldDoc {
  doc_id: string;
  text: string;
  dct: string | { value: string };
  timexes: GoldTimex[];
}

/**
 * Counts kept apart for the system side (precision) and the gold side (recall), as the README's
 * rule asks: a system TIMEX3 is matched when it overlaps (relaxed) or equals (strict) any gold
 * one, a gold TIMEX3 when any system one overlaps or equals it. There is no one-to-one pairing, so
 * one system span across two gold spans matches both.
 */
export interface TimexScore {
  system: number;
  gold: number;
  relaxedSys: number;
  relaxedGold: number;
  strictSys: number;
  strictGold: number;
  /** Relaxed-matched system TIMEX3 whose type / value equal those of the gold one it overlaps most. */
  typeOk: number;
  valueOk: number;
  /** Value F1: system TIMEX3 overlapping a gold one with the same value, and gold ones so overlapped. */
  valueSys: number;
  valueGold: number;
  seconds: number;
}

export function emptyScore(): TimexScore {
  return { system: 0, gold: 0, relaxedSys: 0, relaxedGold: 0, strictSys: 0, strictGold: 0, typeOk: 0, valueOk: 0, valueSys: 0, valueGold: 0, seconds: 0 };
}

type Scored = Pick<TimeRef, 'start' | 'end' | 'type' | 'value'>;
type Span = GoldTimex & { start: number; end: number };

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

/** Counts for one document: system spans against gold spans, each side counted on its own. */
export function scoreDoc(found: Scored[], gold: GoldTimex[], into: TimexScore): void {
  const spans = gold.filter((g): g is Span => typeof g.start === 'number' && typeof g.end === 'number');
  into.system += found.length;
  into.gold += spans.length;
  const hitGold = new Set<number>();
  const exactGold = new Set<number>();
  const valueGold = new Set<number>();
  for (const p of found) {
    let best = -1;
    let exact = false;
    let sameValue = false;
    spans.forEach((g, i) => {
      const o = overlap(p, g);
      if (o <= 0) return;
      hitGold.add(i);
      if (best < 0 || o > overlap(p, spans[best]!)) best = i;
      if (p.start === g.start && p.end === g.end) { exact = true; exactGold.add(i); }
      if (p.value === g.value) { sameValue = true; valueGold.add(i); }
    });
    if (best < 0) continue;
    into.relaxedSys++;
    if (exact) into.strictSys++;
    if (sameValue) into.valueSys++;
    if (p.type === spans[best]!.type) into.typeOk++;
    if (p.value === spans[best]!.value) into.valueOk++;
  }
  into.relaxedGold += hitGold.size;
  into.strictGold += exactGold.size;
  into.valueGold += valueGold.size;
}

export function dctOf(d: GoldDoc): string {
  return typeof d.dct === 'string' ? d.dct : d.dct.value;
}

/**
 * The part of a document that was annotated. MEANTIME annotated only the headline and the first
 * sentences (one sentence per line; gold never goes past line 5), so system output beyond is not scored.
 */
export type Region = (d: GoldDoc) => number;
export const wholeText: Region = (d) => d.text.length;
export function firstLines(n: number): Region {
  return (d) => {
    let at = -1;
    for (let i = 0; i < n; i++) {
      at = d.text.indexOf('\n', at + 1);
      if (at < 0) return d.text.length;
    }
    return at;
  };
}

export function scoreDocs(docs: GoldDoc[], region: Region = wholeText): TimexScore {
  const s = emptyScore();
  for (const d of docs) {
    const dct = dctOf(d);
    const t0 = performance.now();
    const found = findTimes(d.text, dct ? { date: dct } : null);
    s.seconds += (performance.now() - t0) / 1000;
    const limit = region(d);
    scoreDoc(found.filter((f) => f.start < limit), d.timexes, s);
  }
  return s;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

export interface TimexFigures {
  relaxed: { p: number; r: number; f1: number };
  strict: { p: number; r: number; f1: number };
  typeAccuracy: number;
  valueAccuracy: number;
  value: { p: number; r: number; f1: number };
}

export function figures(s: TimexScore): TimexFigures {
  const prf = (sys: number, gold: number) => {
    const p = sys / (s.system || 1);
    const r = gold / (s.gold || 1);
    return { p, r, f1: f1(p, r) };
  };
  return {
    relaxed: prf(s.relaxedSys, s.relaxedGold),
    strict: prf(s.strictSys, s.strictGold),
    typeAccuracy: s.typeOk / (s.relaxedSys || 1),
    valueAccuracy: s.valueOk / (s.relaxedSys || 1),
    value: prf(s.valueSys, s.valueGold),
  };
}

function rows(label: string, s: TimexScore): BenchRow[] {
  const f = figures(s);
  const prf = (x: { p: number; r: number; f1: number }) => `${x.f1.toFixed(3)} (P ${x.p.toFixed(3)} / R ${x.r.toFixed(3)})`;
  return [
    { metric: `${label} span F1 relaxed`, ours: prf(f.relaxed), target: '>= 0.90' },
    { metric: `${label} span F1 strict`, ours: prf(f.strict), target: '>= 0.90' },
    { metric: `${label} type accuracy`, ours: f.typeAccuracy },
    { metric: `${label} value accuracy (on found)`, ours: f.valueAccuracy, target: '>= 0.85' },
    { metric: `${label} value F1`, ours: prf(f.value), published: 'HeidelTime 0.776 (TE3-Platinum test)' },
  ];
}

export function readTimexJsonl(path: string, limit?: number): GoldDoc[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  return lines.slice(0, limit ?? lines.length).map((l) => JSON.parse(l) as GoldDoc);
}

function add(a: TimexScore, b: TimexScore): TimexScore {
  const sum = emptyScore();
  for (const k of Object.keys(sum) as (keyof TimexScore)[]) sum[k] = a[k] + b[k];
  return sum;
}

export const runner: BenchRunner = {
  description: 'time expressions on TimeBank/AQUAINT and MEANTIME',
  async run(opts): Promise<BenchReport> {
    const dir = benchDir('timex');
    const timebank = readTimexJsonl(join(dir, 'tempeval3', 'timebank.jsonl'), opts.limit);
    const aquaint = readTimexJsonl(join(dir, 'tempeval3', 'aquaint.jsonl'), opts.limit);
    const meantime = readTimexJsonl(join(dir, 'meantime', 'timex.jsonl'), opts.limit);
    const tb = scoreDocs(timebank);
    const aq = scoreDocs(aquaint);
    const mt = scoreDocs(meantime, firstLines(6));
    const te3 = add(tb, aq);
    const all = add(te3, mt);
    return {
      name: 'timex',
      items: `TimeBank ${timebank.length} docs / ${tb.gold} TIMEX3, AQUAINT ${aquaint.length} / ${aq.gold}, MEANTIME ${meantime.length} / ${mt.gold}`,
      rows: [
        ...rows('TB+AQ', te3),
        ...rows('TimeBank', tb),
        ...rows('AQUAINT', aq),
        ...rows('MEANTIME', mt),
        { metric: 'speed (expressions per second)', ours: Math.round(all.system / (all.seconds || 1e-9)) },
      ],
      notes: [
        'value F1: a system TIMEX3 counts when it overlaps a gold one and has the same value (TempEval-3 Task A).',
        'MEANTIME annotates only the headline and first five sentences (lines 0-5); output past line 5 is not scored. Its creation-time mention counts as gold.',
        'HeidelTime 0.776 is on the held-back TE3-Platinum test set; ours is on the TempEval-3 training data used as dev.',
      ],
    };
  },
};
