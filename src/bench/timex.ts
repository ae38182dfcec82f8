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

export interface TimexScore {
  system: number;
  gold: number;
  relaxed: number;
  strict: number;
  typeOk: number;
  valueOk: number;
  seconds: number;
}

/** Counts for one document: system spans against gold spans (one-to-one, first overlap wins). */
export function scoreDoc(found: Pick<TimeRef, 'start' | 'end' | 'type' | 'value'>[], gold: GoldTimex[], into: TimexScore): void {
  const spans = gold.filter((g): g is GoldTimex & { start: number; end: number } => typeof g.start === 'number' && typeof g.end === 'number');
  into.system += found.length;
  into.gold += spans.length;
  const used = new Set<number>();
  // Both lists are in text order, so a moving lower bound keeps the matching linear.
  let lo = 0;
  for (const p of found) {
    while (lo < spans.length && spans[lo]!.end <= p.start) lo++;
    for (let i = lo; i < spans.length && spans[i]!.start < p.end; i++) {
      const g = spans[i]!;
      if (used.has(i) || !(p.start < g.end && g.start < p.end)) continue;
      used.add(i);
      into.relaxed++;
      if (p.start === g.start && p.end === g.end) into.strict++;
      if (p.type === g.type) into.typeOk++;
      if (p.value === g.value) into.valueOk++;
      break;
    }
  }
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
  const s: TimexScore = { system: 0, gold: 0, relaxed: 0, strict: 0, typeOk: 0, valueOk: 0, seconds: 0 };
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
  const prf = (hit: number) => {
    const p = hit / (s.system || 1);
    const r = hit / (s.gold || 1);
    return { p, r, f1: f1(p, r) };
  };
  return {
    relaxed: prf(s.relaxed),
    strict: prf(s.strict),
    typeAccuracy: s.typeOk / (s.relaxed || 1),
    valueAccuracy: s.valueOk / (s.relaxed || 1),
    value: prf(s.valueOk),
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
  return {
    system: a.system + b.system, gold: a.gold + b.gold, relaxed: a.relaxed + b.relaxed, strict: a.strict + b.strict,
    typeOk: a.typeOk + b.typeOk, valueOk: a.valueOk + b.valueOk, seconds: a.seconds + b.seconds,
  };
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
