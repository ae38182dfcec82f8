// Time expressions on TimeBank/AQUAINT (TempEval-3 training data) and MEANTIME, scored as in
// TempEval-3 Task A: relaxed (overlap) and strict span P/R/F1, type and value accuracy over
// relaxed matches, and value F1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir } from '../paths.js';
import { findTimes } from '../time/index.js';
import type { BenchReport, BenchRow, BenchRunner } from './report.js';

interface GoldTimex {
  start?: number;
  end?: number;
  type: string;
  value: string;
  text?: string;
}
interface GoldDoc {
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

export function scoreDocs(docs: GoldDoc[]): TimexScore {
  const s: TimexScore = { system: 0, gold: 0, relaxed: 0, strict: 0, typeOk: 0, valueOk: 0, seconds: 0 };
  for (const d of docs) {
    const dct = typeof d.dct === 'string' ? d.dct : d.dct.value;
    const gold = d.timexes.filter((t) => typeof t.start === 'number' && typeof t.end === 'number' && (t as { functionInDocument?: string }).functionInDocument !== 'CREATION_TIME');
    const t0 = performance.now();
    const sys = findTimes(d.text, dct ? { date: dct.slice(0, 10) } : null);
    s.seconds += (performance.now() - t0) / 1000;
    s.system += sys.length;
    s.gold += gold.length;
    const used = new Set<number>();
    for (const p of sys) {
      const gi = gold.findIndex((g, i) => !used.has(i) && p.start < g.end! && g.start! < p.end);
      if (gi < 0) continue;
      used.add(gi);
      const g = gold[gi]!;
      s.relaxed++;
      if (p.start === g.start && p.end === g.end) s.strict++;
      if (p.type === g.type) s.typeOk++;
      if (p.value === g.value) s.valueOk++;
    }
  }
  return s;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function rows(label: string, s: TimexScore): BenchRow[] {
  const rp = s.relaxed / (s.system || 1);
  const rr = s.relaxed / (s.gold || 1);
  const sp = s.strict / (s.system || 1);
  const sr = s.strict / (s.gold || 1);
  const vp = s.valueOk / (s.system || 1);
  const vr = s.valueOk / (s.gold || 1);
  return [
    { metric: `${label} span F1 relaxed (P/R)`, ours: `${f1(rp, rr).toFixed(3)} (${rp.toFixed(3)}/${rr.toFixed(3)})`, target: '>= 0.90' },
    { metric: `${label} span F1 strict`, ours: f1(sp, sr), target: '' },
    { metric: `${label} type accuracy`, ours: s.typeOk / (s.relaxed || 1) },
    { metric: `${label} value accuracy (on found)`, ours: s.valueOk / (s.relaxed || 1), target: '>= 0.85' },
    { metric: `${label} value F1`, ours: f1(vp, vr), published: 'HeidelTime 0.776 (TE3 test)' },
  ];
}

function readJsonl(path: string, limit?: number): GoldDoc[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  return lines.slice(0, limit ?? lines.length).map((l) => JSON.parse(l) as GoldDoc);
}

export const runner: BenchRunner = {
  description: 'time expressions on TimeBank/AQUAINT and MEANTIME',
  async run(opts): Promise<BenchReport> {
    const dir = benchDir('timex');
    const tb = [...readJsonl(join(dir, 'tempeval3', 'timebank.jsonl'), opts.limit), ...readJsonl(join(dir, 'tempeval3', 'aquaint.jsonl'), opts.limit)];
    const mt = readJsonl(join(dir, 'meantime', 'timex.jsonl'), opts.limit);
    const a = scoreDocs(tb);
    const b = scoreDocs(mt);
    return {
      name: 'timex',
      items: `${tb.length} TimeBank+AQUAINT docs (${a.gold} TIMEX3), ${mt.length} MEANTIME docs (${b.gold})`,
      rows: [
        ...rows('TB+AQ', a),
        ...rows('MEANTIME', b),
        { metric: 'speed (expressions found per second)', ours: `${Math.round((a.system + b.system) / (a.seconds + b.seconds))}` },
      ],
    };
  },
};
