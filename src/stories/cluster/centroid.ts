// A cluster centroid: summed per-article term weights, read as a TF-IDF vector under the current
// document frequencies. Only the sums are stored; the vector's norm and heaviest keys are cached
// and refreshed when the cluster or the collection has grown enough for them to drift.
import type { DocumentFrequencies } from '../features.js';

export type SparseVector = Map<string, number>;

export interface CentroidJSON {
  sums: [string, number][];
  size: number;
  cache: CentroidCache | null;
}

/** What is derived from the sums under one state of the document frequencies. */
interface CentroidCache {
  /** L2 norm of the TF-IDF vector (mean sums × IDF). */
  norm: number;
  /** Heaviest keys, heaviest first (for the index and labels). */
  top: string[];
  /** Collection and cluster size when computed. */
  n: number;
  size: number;
}

/**
 * Rebuild the cache once the collection, or the cluster, has grown by this fraction: small
 * clusters are refreshed on every article, large ones every tenth of their size, so that big
 * topics do not cost a re-sort per article.
 */
const DRIFT = 0.1;

export class Centroid {
  private sums = new Map<string, number>();
  private cache: CentroidCache | null = null;
  size = 0;

  constructor(
    /** Keys kept in the sums; the lightest are dropped when the sums reach 1.5 times this. */
    private readonly maxTerms: number,
    /** Heaviest keys remembered for the index. */
    private readonly topCount: number,
  ) {}

  /** Add one article's weights (already length-normalised). */
  add(weights: SparseVector): void {
    for (const [k, w] of weights) this.sums.set(k, (this.sums.get(k) ?? 0) + w);
    this.size++;
    if (this.sums.size > 1.5 * this.maxTerms) this.prune();
  }

  merge(other: Centroid): void {
    for (const [k, w] of other.sums) this.sums.set(k, (this.sums.get(k) ?? 0) + w);
    this.size += other.size;
    this.cache = null;
    if (this.sums.size > 1.5 * this.maxTerms) this.prune();
  }

  get isEmpty(): boolean {
    return this.sums.size === 0;
  }

  has(key: string): boolean {
    return this.sums.has(key);
  }

  private prepare(df: DocumentFrequencies): CentroidCache {
    const n = df.documents;
    const c = this.cache;
    if (c && n <= c.n * (1 + DRIFT) && this.size <= c.size * (1 + DRIFT)) return c;
    const weighted: [string, number][] = [];
    let norm = 0;
    for (const [k, s] of this.sums) {
      const w = (s / this.size) * df.idf(k);
      weighted.push([k, w]);
      norm += w * w;
    }
    const top = topEntries(weighted, this.topCount).map((e) => e[0]);
    this.cache = { norm: Math.sqrt(norm) || 1, top, n, size: this.size };
    return this.cache;
  }

  /**
   * Cosine between the cluster and an article whose normalised TF-IDF weights were multiplied
   * by IDF once more (see `tfidfVectors`): one lookup per article key, no vector built.
   */
  cosine(idfWeightedProbe: SparseVector, df: DocumentFrequencies): number {
    if (this.size === 0) return 0;
    const { norm } = this.prepare(df);
    let s = 0;
    for (const [k, q] of idfWeightedProbe) {
      const sum = this.sums.get(k);
      if (sum !== undefined) s += q * sum;
    }
    return s / (this.size * norm);
  }

  /**
   * The cluster as a probe for another cluster's `cosine`: its normalised TF-IDF vector times
   * IDF once more, built on demand (cluster-to-cluster checks only).
   */
  probe(df: DocumentFrequencies): SparseVector {
    const vec: SparseVector = new Map();
    if (this.size === 0) return vec;
    const { norm } = this.prepare(df);
    for (const [k, s] of this.sums) {
      const idf = df.idf(k);
      vec.set(k, (((s / this.size) * idf) / norm) * idf);
    }
    return vec;
  }

  /** The k heaviest keys (k up to the remembered count), heaviest first. */
  topTerms(df: DocumentFrequencies, k: number): string[] {
    return this.prepare(df).top.slice(0, k);
  }

  private prune(): void {
    this.sums = new Map(topEntries([...this.sums], this.maxTerms));
  }

  toJSON(): CentroidJSON {
    return { sums: [...this.sums], size: this.size, cache: this.cache ? { ...this.cache, top: [...this.cache.top] } : null };
  }

  static fromJSON(data: CentroidJSON, maxTerms: number, topCount: number): Centroid {
    const c = new Centroid(maxTerms, topCount);
    c.sums = new Map(data.sums);
    c.size = data.size;
    c.cache = data.cache ? { ...data.cache, top: [...data.cache.top] } : null;
    return c;
  }
}

/** The k heaviest entries, ties broken by key for a stable order. */
function topEntries(entries: [string, number][], k: number): [string, number][] {
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return entries.length > k ? entries.slice(0, k) : entries;
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
