// A cluster centroid: summed per-article term weights over interned ids, read as a TF-IDF vector
// under the current document frequencies. The sums live in two parallel typed arrays (ids,
// sums) capped at 1.5 × `maxTerms` entries; the vector's norm and heaviest ids are cached and
// refreshed when the cluster or the collection has grown enough for them to drift.
import { topIds, type DenseScratch, type IdTable } from './vocabulary.js';

/** An article's view as parallel arrays: interned ids and their (normalised) weights. */
export interface IdWeights {
  ids: Int32Array;
  weights: Float64Array;
  /** Entries in use (the arrays may be longer: reused buffers). */
  length: number;
}

export interface CentroidJSON {
  ids: number[];
  sums: number[];
  size: number;
  cache: CentroidCache | null;
}

/** A centroid as the state parts keep it: typed arrays (copied as bytes, not printed as numbers). */
export interface CentroidRecord {
  ids: Int32Array;
  sums: Float64Array;
  size: number;
  cache: CentroidCache | null;
}

/** What is derived from the sums under one state of the document frequencies. */
interface CentroidCache {
  /** L2 norm of the TF-IDF vector (mean sums × IDF). */
  norm: number;
  /** Heaviest ids, heaviest first (for the index and labels). */
  top: number[];
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

/** Where each id sits in the centroid being updated (slot + 1; 0 = absent); reset after use. */
let slots = new Int32Array(1 << 16);

const EMPTY_IDS = new Int32Array(0);
const EMPTY_SUMS = new Float64Array(0);

export class Centroid {
  private ids: Int32Array = EMPTY_IDS;
  private sums: Float64Array = EMPTY_SUMS;
  private length = 0;
  private cache: CentroidCache | null = null;
  size = 0;
  /**
   * Set by every change of the saved state (sums, size, and the cache, which scoring rebuilds
   * too): the clusterer writes only the clusters holding a touched centroid.
   */
  touched = false;

  constructor(
    /** Keys kept in the sums; the lightest are dropped when the sums reach 1.5 times this. */
    private readonly maxTerms: number,
    /** Heaviest keys remembered for the index. */
    private readonly topCount: number,
  ) {}

  /** Add one article's weights (already length-normalised). */
  add(v: IdWeights): void {
    this.accumulate(v.ids, v.weights, v.length);
    this.size++;
    this.touched = true;
  }

  merge(other: Centroid): void {
    this.accumulate(other.ids, other.sums, other.length);
    this.size += other.size;
    this.cache = null;
    this.touched = true;
  }

  /** Sum weights in, one array pass each side: mark own slots, add or append, unmark. */
  private accumulate(ids: ArrayLike<number>, weights: ArrayLike<number>, n: number): void {
    if (n === 0) return;
    let maxId = 0;
    for (let i = 0; i < n; i++) if (ids[i]! > maxId) maxId = ids[i]!;
    for (let i = 0; i < this.length; i++) if (this.ids[i]! > maxId) maxId = this.ids[i]!;
    if (maxId >= slots.length) slots = new Int32Array(Math.max(maxId + 1, slots.length * 2));
    for (let i = 0; i < this.length; i++) slots[this.ids[i]!] = i + 1;
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      const at = slots[id]!;
      if (at > 0) {
        this.sums[at - 1]! += weights[i]!;
      } else {
        this.ensureCapacity(this.length + 1);
        this.ids[this.length] = id;
        this.sums[this.length] = weights[i]!;
        this.length++;
        slots[id] = this.length;
      }
    }
    for (let i = 0; i < this.length; i++) slots[this.ids[i]!] = 0;
    if (this.length > 1.5 * this.maxTerms) this.prune();
  }

  private ensureCapacity(n: number): void {
    if (n <= this.ids.length) return;
    // Grow by doubling up to the cap the pruning keeps; past it (a merge), double freely.
    const limit = Math.ceil(1.5 * this.maxTerms) + 1;
    const doubled = Math.max(16, this.ids.length * 2, n);
    const cap = n <= limit ? Math.min(limit, doubled) : doubled;
    const ids = new Int32Array(cap);
    const sums = new Float64Array(cap);
    ids.set(this.ids.subarray(0, this.length));
    sums.set(this.sums.subarray(0, this.length));
    this.ids = ids;
    this.sums = sums;
  }

  get isEmpty(): boolean {
    return this.length === 0;
  }

  has(id: number): boolean {
    for (let i = 0; i < this.length; i++) if (this.ids[i] === id) return true;
    return false;
  }

  /** Whether the cache still holds for the collection and cluster as they are. */
  private fresh(c: CentroidCache | null, df: IdTable): c is CentroidCache {
    return !!c && df.documents <= c.n * (1 + DRIFT) && this.size <= c.size * (1 + DRIFT);
  }

  private prepare(df: IdTable): CentroidCache {
    const n = df.documents;
    const c = this.cache;
    if (this.fresh(c, df)) return c;
    const weighted = new Float64Array(this.length);
    let norm = 0;
    for (let i = 0; i < this.length; i++) {
      const w = (this.sums[i]! / this.size) * df.idf(this.ids[i]!);
      weighted[i] = w;
      norm += w * w;
    }
    const top = topIds(this.ids, weighted, this.length, this.topCount);
    this.cache = { norm: Math.sqrt(norm) || 1, top, n, size: this.size };
    this.touched = true;
    return this.cache;
  }

  /**
   * Cosine between the cluster and a probe holding an article's normalised TF-IDF weights times
   * IDF once more (dense over ids): one array read per centroid entry, no vector built.
   */
  cosine(probe: DenseScratch, df: IdTable): number {
    if (this.size === 0 || probe.size === 0) return 0;
    const { norm } = this.prepare(df);
    const values = probe.values;
    const limit = values.length;
    let s = 0;
    for (let i = 0; i < this.length; i++) {
      const id = this.ids[i]!;
      if (id < limit) s += values[id]! * this.sums[i]!;
    }
    return s / (this.size * norm);
  }

  /**
   * Write the cluster as a probe for another cluster's `cosine` (cluster-to-cluster checks
   * only): its normalised TF-IDF vector times IDF once more.
   */
  probeInto(out: DenseScratch, df: IdTable): void {
    out.clear();
    if (this.size === 0) return;
    const { norm } = this.prepare(df);
    for (let i = 0; i < this.length; i++) {
      const idf = df.idf(this.ids[i]!);
      const v = (((this.sums[i]! / this.size) * idf) / norm) * idf;
      if (v !== 0) out.set(this.ids[i]!, v);
    }
  }

  /** The k heaviest ids (k up to the remembered count), heaviest first. */
  topTerms(df: IdTable, k: number): number[] {
    const top = this.prepare(df).top;
    return top.length > k ? top.slice(0, k) : top;
  }

  /**
   * The k heaviest ids as `topTerms` would give them, without rebuilding the cache: for labels,
   * so that listing the clusters changes nothing that later scores read (nor what a save writes).
   */
  peekTop(df: IdTable, k: number): number[] {
    if (this.fresh(this.cache, df)) return this.cache.top.slice(0, k);
    const weighted = new Float64Array(this.length);
    for (let i = 0; i < this.length; i++) weighted[i] = (this.sums[i]! / this.size) * df.idf(this.ids[i]!);
    return topIds(this.ids, weighted, this.length, Math.min(k, this.topCount));
  }

  /** Keep the `maxTerms` largest sums (ties: earlier entries), in place. */
  private prune(): void {
    const sorted = this.sums.slice(0, this.length).sort();
    const cut = sorted[this.length - this.maxTerms]!;
    let above = 0;
    for (let i = 0; i < this.length; i++) if (this.sums[i]! > cut) above++;
    let tiesLeft = this.maxTerms - above;
    let w = 0;
    for (let i = 0; i < this.length; i++) {
      const s = this.sums[i]!;
      if (s > cut || (s === cut && tiesLeft-- > 0)) {
        this.ids[w] = this.ids[i]!;
        this.sums[w] = s;
        w++;
      }
    }
    this.length = w;
  }

  toJSON(): CentroidJSON {
    return {
      ids: Array.from(this.ids.subarray(0, this.length)),
      sums: Array.from(this.sums.subarray(0, this.length)),
      size: this.size,
      cache: this.cache ? { ...this.cache, top: [...this.cache.top] } : null,
    };
  }

  toRecord(): CentroidRecord {
    return {
      ids: this.ids.slice(0, this.length),
      sums: this.sums.slice(0, this.length),
      size: this.size,
      cache: this.cache ? { ...this.cache, top: [...this.cache.top] } : null,
    };
  }

  /**
   * Copies the record's arrays: `v8.deserialize` returns typed arrays that are views of the bytes
   * it read, and the sums change in place, which would rewrite the saved bytes under anyone else
   * reading them (two clusterers over one set of parts).
   */
  static fromRecord(data: CentroidRecord, maxTerms: number, topCount: number): Centroid {
    const c = new Centroid(maxTerms, topCount);
    if (data.ids.length > 0) {
      c.ids = data.ids.slice();
      c.sums = data.sums.slice();
    }
    c.length = data.ids.length;
    c.size = data.size;
    c.cache = data.cache;
    return c;
  }

  static fromJSON(data: CentroidJSON, maxTerms: number, topCount: number): Centroid {
    const c = new Centroid(maxTerms, topCount);
    c.ensureCapacity(data.ids.length);
    c.ids.set(data.ids);
    c.sums.set(data.sums);
    c.length = data.ids.length;
    c.size = data.size;
    c.cache = data.cache ? { ...data.cache, top: [...data.cache.top] } : null;
    return c;
  }
}
