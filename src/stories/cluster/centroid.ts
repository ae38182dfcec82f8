// A cluster centroid: summed per-article term weights, turned into a TF-IDF vector with the
// current document frequencies on demand. The vector is cached and rebuilt only when the cluster
// changes or the collection has grown enough for the IDF weights to drift.
import type { DocumentFrequencies } from '../features.js';

export type SparseVector = Map<string, number>;

export interface CentroidJSON {
  sums: [string, number][];
  size: number;
  cache: { vec: [string, number][]; n: number; size: number } | null;
}

/**
 * Rebuild the cached vector once the collection, or the cluster, has grown by this fraction:
 * small clusters are rebuilt on every article, large ones every tenth of their size, so that
 * big topics do not cost a re-sort per article.
 */
const DRIFT = 0.1;

export class Centroid {
  private sums = new Map<string, number>();
  private cache: { vec: SparseVector; n: number; size: number } | null = null;
  size = 0;

  constructor(
    /** Terms kept in the cached vector (the rest weigh little and cost time). */
    private readonly vectorTerms: number,
    /** Terms kept in the sums; the smallest are dropped past twice this. */
    private readonly maxTerms: number,
  ) {}

  /** Add one article's weights (already length-normalised). */
  add(weights: SparseVector): void {
    for (const [k, w] of weights) this.sums.set(k, (this.sums.get(k) ?? 0) + w);
    this.size++;
    if (this.sums.size > 2 * this.maxTerms) this.prune();
  }

  merge(other: Centroid): void {
    for (const [k, w] of other.sums) this.sums.set(k, (this.sums.get(k) ?? 0) + w);
    this.size += other.size;
    this.cache = null;
    if (this.sums.size > 2 * this.maxTerms) this.prune();
  }

  get isEmpty(): boolean {
    return this.sums.size === 0;
  }

  /** The L2-normalised TF-IDF vector of the cluster, truncated to its heaviest terms. */
  vector(df: DocumentFrequencies): SparseVector {
    const n = df.documents;
    const c = this.cache;
    if (c && n <= c.n * (1 + DRIFT) && this.size <= c.size * (1 + DRIFT)) return c.vec;
    const weighted: [string, number][] = [];
    for (const [k, s] of this.sums) weighted.push([k, (s / this.size) * df.idf(k)]);
    if (weighted.length > this.vectorTerms) {
      weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      weighted.length = this.vectorTerms;
    }
    let norm = 0;
    for (const [, w] of weighted) norm += w * w;
    norm = Math.sqrt(norm) || 1;
    const vec: SparseVector = new Map();
    for (const [k, w] of weighted) vec.set(k, w / norm);
    this.cache = { vec, n, size: this.size };
    return vec;
  }

  /** The k heaviest terms of the current vector, heaviest first. */
  topTerms(df: DocumentFrequencies, k: number): string[] {
    return topKeys(this.vector(df), k);
  }

  private prune(): void {
    const entries = [...this.sums].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    this.sums = new Map(entries.slice(0, this.maxTerms));
  }

  toJSON(): CentroidJSON {
    return {
      sums: [...this.sums],
      size: this.size,
      cache: this.cache ? { vec: [...this.cache.vec], n: this.cache.n, size: this.cache.size } : null,
    };
  }

  static fromJSON(data: CentroidJSON, vectorTerms: number, maxTerms: number): Centroid {
    const c = new Centroid(vectorTerms, maxTerms);
    c.sums = new Map(data.sums);
    c.size = data.size;
    c.cache = data.cache ? { vec: new Map(data.cache.vec), n: data.cache.n, size: data.cache.size } : null;
    return c;
  }
}

/** Cosine of two L2-normalised sparse vectors (iterates the smaller one). */
export function dot(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [k, w] of small) {
    const v = large.get(k);
    if (v !== undefined) s += w * v;
  }
  return s;
}

/** The k keys with the largest values, ties broken by key for a stable order. */
export function topKeys(vec: SparseVector, k: number): string[] {
  const entries = [...vec];
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return entries.slice(0, k).map((e) => e[0]);
}

/** Sublinear term frequencies, L2-normalised (no IDF: centroids apply the current IDF later). */
export function normalisedTf(counts: Map<string, number>): SparseVector {
  const out: SparseVector = new Map();
  let norm = 0;
  for (const [k, c] of counts) {
    const w = 1 + Math.log(c);
    out.set(k, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [k, w] of out) out.set(k, w / norm);
  return out;
}
