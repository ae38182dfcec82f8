// Shingle scorer of the article-extraction-benchmark: texts become multisets of 4-token shingles
// (tokens are \w+ runs, Unicode-aware, case-sensitive); per-page P and R from the multiset
// intersection; corpus P and R are means over pages, F1 their harmonic mean.

const TOKEN = /[\p{L}\p{N}\p{M}\p{Pc}]+/gu;
const SHINGLE = 4;

export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Multiset of shingles: shingle text -> count. A text of 1 to 3 tokens gives one short shingle. */
export function shingles(text: string): Map<string, number> {
  const toks = tokens(text);
  const out = new Map<string, number>();
  if (toks.length === 0) return out;
  if (toks.length < SHINGLE) {
    out.set(toks.join(' '), 1);
    return out;
  }
  for (let i = 0; i + SHINGLE <= toks.length; i++) {
    const key = toks.slice(i, i + SHINGLE).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

function total(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  /** Null when the prediction is empty (not counted in corpus precision). */
  precision: number | null;
  /** Null when the truth is empty (not counted in corpus recall). */
  recall: number | null;
}

export function scorePage(predicted: string, truth: string): PageScore {
  const pred = shingles(predicted);
  const gold = shingles(truth);
  let tp = 0;
  for (const [k, n] of pred) tp += Math.min(n, gold.get(k) ?? 0);
  const fp = total(pred) - tp;
  const fn = total(gold) - tp;
  const both = fp === 0 && fn === 0;
  const precision = pred.size === 0 ? null : both ? 1 : tp / (tp + fp);
  const recall = gold.size === 0 ? null : both ? 1 : tp / (tp + fn);
  return { tp, fp, fn, precision, recall };
}

export interface CorpusScore {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Corpus figures from per-page scores (means of P and R, then their harmonic mean). */
export function corpusScore(pages: PageScore[]): CorpusScore {
  const precision = mean(pages.flatMap((p) => (p.precision === null ? [] : [p.precision])));
  const recall = mean(pages.flatMap((p) => (p.recall === null ? [] : [p.recall])));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, pages: pages.length };
}
