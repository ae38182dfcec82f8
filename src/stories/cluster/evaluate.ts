// Clustering scores over documents: pairwise and BCubed precision, recall and F1 of a system
// partition against a gold one (both given as document id -> cluster label).

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface PartitionScores {
  pairwise: PRF;
  bcubed: PRF;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

/** Sizes of clusters and of the overlaps between system and gold clusters (one pass). */
function contingency(system: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>) {
  const sys = new Map<string, number>();
  const gld = new Map<string, number>();
  const both = new Map<string, number>();
  for (const [doc, g] of gold) {
    const s = system.get(doc);
    if (s === undefined) throw new Error(`document ${doc} has no system cluster`);
    sys.set(s, (sys.get(s) ?? 0) + 1);
    gld.set(g, (gld.get(g) ?? 0) + 1);
    const key = `${s}\u0000${g}`;
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  return { sys, gld, both };
}

/** Score a system partition against gold over the gold's documents. */
export function scorePartition(system: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): PartitionScores {
  const { sys, gld, both } = contingency(system, gold);
  let together = 0;
  for (const n of both.values()) together += pairs(n);
  let sysPairs = 0;
  for (const n of sys.values()) sysPairs += pairs(n);
  let goldPairs = 0;
  for (const n of gld.values()) goldPairs += pairs(n);
  const pp = sysPairs === 0 ? 1 : together / sysPairs;
  const pr = goldPairs === 0 ? 1 : together / goldPairs;

  // BCubed: every document in an overlap cell shares the same precision and recall.
  let bp = 0;
  let br = 0;
  for (const [key, n] of both) {
    const [s, g] = key.split('\u0000') as [string, string];
    bp += (n * n) / sys.get(s)!;
    br += (n * n) / gld.get(g)!;
  }
  const docs = gold.size || 1;
  bp /= docs;
  br /= docs;
  return {
    pairwise: { precision: pp, recall: pr, f1: f1(pp, pr) },
    bcubed: { precision: bp, recall: br, f1: f1(bp, br) },
  };
}
