// Exact-span, exact-type micro F1 for BIO-tagged sentences, and the readers for the NER sets.
import { readFileSync } from 'node:fs';
import type { NerModel } from '../entities/ner/model.js';

export interface TaggedSentence {
  tokens: string[];
  tags: string[];
}

/** One JSON lines file of sentences, grouped into documents in file order. */
export function readConll(path: string, limit?: number): TaggedSentence[][] {
  const docs: TaggedSentence[][] = [];
  let last: number | null = null;
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  for (const line of lines.slice(0, limit ?? lines.length)) {
    const r = JSON.parse(line) as { doc: number; tokens: string[]; tags: string[] };
    if (r.doc !== last) docs.push([]);
    last = r.doc;
    docs[docs.length - 1]!.push({ tokens: r.tokens, tags: r.tags });
  }
  return docs;
}

export function spans(tags: string[]): string[] {
  const out: string[] = [];
  let start = -1;
  let type = '';
  const close = (end: number) => {
    if (start >= 0) out.push(`${start}:${end}:${type}`);
    start = -1;
  };
  tags.forEach((t, i) => {
    if (t === 'O') return close(i);
    const [bio, ty] = [t.slice(0, 1), t.slice(2)];
    if (bio === 'B' || ty !== type || start < 0) {
      close(i);
      start = i;
      type = ty;
    }
  });
  close(tags.length);
  return out;
}

export interface NerScore {
  p: number;
  r: number;
  f1: number;
  byType: Record<string, { p: number; r: number; f1: number; gold: number }>;
  tokens: number;
  /** Wall-clock seconds spent tagging. */
  seconds: number;
  /** CPU seconds spent tagging (the fair single-core figure on a shared machine). */
  cpuSeconds: number;
}

export function scoreCounts(pairs: { gold: string[]; pred: string[] }[]): Omit<NerScore, 'tokens' | 'seconds' | 'cpuSeconds'> {
  const count = { tp: 0, fp: 0, fn: 0 };
  const types: Record<string, { tp: number; fp: number; fn: number }> = {};
  const bump = (type: string, k: 'tp' | 'fp' | 'fn') => {
    types[type] ??= { tp: 0, fp: 0, fn: 0 };
    types[type][k]++;
    count[k]++;
  };
  for (const { gold, pred } of pairs) {
    const g = new Set(gold);
    const p = new Set(pred);
    for (const x of p) bump(x.split(':')[2]!, g.has(x) ? 'tp' : 'fp');
    for (const x of g) if (!p.has(x)) bump(x.split(':')[2]!, 'fn');
  }
  const prf = (c: { tp: number; fp: number; fn: number }) => {
    const p = c.tp / (c.tp + c.fp || 1);
    const r = c.tp / (c.tp + c.fn || 1);
    return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  const byType: NerScore['byType'] = {};
  for (const [t, c] of Object.entries(types)) byType[t] = { ...prf(c), gold: c.tp + c.fn };
  return { ...prf(count), byType };
}

export function scoreSentences(docs: TaggedSentence[][], model: NerModel): NerScore {
  const pairs: { gold: string[]; pred: string[] }[] = [];
  let tokens = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const predicted = docs.map((d) => model.tagDocument(d.map((s) => s.tokens)));
  const cpu = process.cpuUsage(c0);
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  docs.forEach((d, i) =>
    d.forEach((s, j) => {
      tokens += s.tokens.length;
      pairs.push({ gold: spans(s.tags), pred: spans(predicted[i]![j]!) });
    }),
  );
  return { ...scoreCounts(pairs), tokens, seconds, cpuSeconds };
}
