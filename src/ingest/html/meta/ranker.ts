// A ranker over a field's candidates: each candidate carries named signals (features), a linear
// score sums their weights, and the best-scoring candidate is the field's value. Weights are
// fitted by scripts/train-meta.ts as a conditional logit (softmax over one page's candidates),
// which learns how far to trust each source when they disagree instead of a hand-set order.

/** One possible value of a field, with the sources that stated it and its signals. */
export interface Ranked<T> {
  value: T;
  /** Sources that gave this value ('html:h1', 'meta:og:title'): the field's provenance. */
  sources: string[];
  features: Record<string, number>;
}

export type Weights = Readonly<Record<string, number>>;

export function scoreOf(features: Record<string, number>, weights: Weights): number {
  let s = 0;
  for (const k in features) s += (weights[k] ?? 0) * features[k]!;
  return s;
}

/** The best candidate (the earliest among equals, so generation order breaks ties). */
export function best<T>(cands: readonly Ranked<T>[], weights: Weights): Ranked<T> | null {
  let top: Ranked<T> | null = null;
  let topScore = -Infinity;
  for (const c of cands) {
    const s = scoreOf(c.features, weights);
    if (s > topScore) {
      top = c;
      topScore = s;
    }
  }
  return top;
}

/** Provenance of a chosen value: its sources, then the signals that weighed most for it. */
export function provenanceOf<T>(c: Ranked<T>, weights: Weights): string {
  const strongest = Object.entries(c.features)
    .map(([k, v]) => [k, (weights[k] ?? 0) * v] as const)
    .filter(([k, w]) => w > 0 && !k.startsWith('src:'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([k]) => k);
  return [c.sources.join('+'), ...strongest].join(' ');
}

/** One page's candidates for training: features and whether each is the gold value. */
export interface TrainingPage {
  group: string;
  cands: { features: Record<string, number>; gold: boolean }[];
}

export interface FitOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
}

/**
 * Conditional logit by full-batch gradient ascent from zero weights: deterministic, so the same
 * pages give the same weights byte for byte. Pages with no gold candidate teach nothing and are
 * skipped.
 */
export function fitRanker(pages: readonly TrainingPage[], opts: FitOptions = {}): Record<string, number> {
  const { epochs = 300, rate = 0.5, l2 = 0.01 } = opts;
  const usable = pages.filter((p) => p.cands.length > 1 && p.cands.some((c) => c.gold));
  const names = [...new Set(usable.flatMap((p) => p.cands.flatMap((c) => Object.keys(c.features))))].sort();
  const w: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  const n = Math.max(1, usable.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad: Record<string, number> = Object.fromEntries(names.map((k) => [k, -l2 * w[k]!]));
    for (const p of usable) {
      const scores = p.cands.map((c) => scoreOf(c.features, w));
      const max = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - max));
      const z = exp.reduce((a, b) => a + b, 0);
      const goldZ = p.cands.reduce((a, c, i) => a + (c.gold ? exp[i]! : 0), 0);
      // d log(P(any gold)) / dw = E[f | gold] - E[f].
      p.cands.forEach((c, i) => {
        const coef = (c.gold ? exp[i]! / goldZ : 0) - exp[i]! / z;
        if (coef === 0) return;
        for (const k in c.features) grad[k]! += (coef * c.features[k]!) / n;
      });
    }
    for (const k of names) w[k]! += rate * grad[k]!;
  }
  // Rounded so the committed weights read well and rerun to the same bytes.
  return Object.fromEntries(names.map((k) => [k, Math.round(w[k]! * 1e4) / 1e4]).filter(([, v]) => v !== 0));
}

/** Fold of a group (a site): a stable hash, so no site sits in two folds. */
export function foldOf(group: string, folds: number): number {
  let h = 2166136261;
  for (let i = 0; i < group.length; i++) h = Math.imul(h ^ group.charCodeAt(i), 16777619);
  return (h >>> 0) % folds;
}

/**
 * Accuracy by cross-validation split by group: each fold is scored with weights fitted on the
 * other folds only. `total` counts every page given (a page whose gold no candidate holds is a miss).
 */
export function crossValidate(pages: readonly TrainingPage[], folds = 5, opts: FitOptions = {}): { correct: number; total: number } {
  let correct = 0;
  for (let f = 0; f < folds; f++) {
    const weights = fitRanker(
      pages.filter((p) => foldOf(p.group, folds) !== f),
      opts,
    );
    for (const p of pages.filter((q) => foldOf(q.group, folds) === f)) if (pickedGold(p, weights)) correct++;
  }
  return { correct, total: pages.length };
}

/** Whether the ranker's choice on this page is a gold candidate. */
export function pickedGold(p: TrainingPage, weights: Weights): boolean {
  const top = best(
    p.cands.map((c) => ({ value: c.gold, sources: [], features: c.features })),
    weights,
  );
  return top?.value === true;
}
