// Inverted index from salient keys (a cluster's top TF-IDF terms and names, as integer keys) to
// integer cluster ids. Each posting list keeps only the most recently refreshed clusters, so
// looking up an article costs the same however many clusters the store holds; stale clusters
// fall out of reach, which doubles as a time decay.

import { int32s } from './vocabulary.js';

/**
 * Keys per saved slice of the index (by key number). A cluster's refresh rewrites the posting
 * lists of its ~36 keys; slices of 256 keys (a few KB) keep a batch's write near what it changed.
 */
const CHUNK_BITS = 8;

export interface SalientIndexJSON {
  postings: [number, number[]][];
}

/** Saved slices of an index, by slice number. */
export interface SavedSlices {
  read(chunks: readonly number[]): Map<number, Uint8Array>;
  all(): Map<number, Uint8Array>;
}

export class SalientIndex {
  private postings = new Map<number, number[]>();
  /** Reused accumulator for `candidates` (cleared after each call). */
  private score = new Map<number, number>();
  /** The keys of each slice, so that a slice is written without a scan of every posting list. */
  private chunkKeys = new Map<number, number[]>();
  /** Slices whose lists changed since the state was last saved. */
  private dirty = new Set<number>();
  /**
   * Where saved slices are read, when the index was loaded: a slice is read when a key of its is
   * first looked up, so a run pays for the slices its articles reach, not for the whole index.
   */
  private saved: SavedSlices | null = null;
  /** Slices read from `saved` (or found absent there). */
  private readChunks = new Set<number>();

  constructor(private readonly postingCap: number) {}

  /** (Re)announce a cluster under its current salient keys, moving it to the fresh end. */
  put(id: number, keys: readonly number[]): void {
    for (const key of keys) {
      let list = this.list(key);
      if (!list) {
        list = [];
        this.postings.set(key, list);
        this.keyAdded(key);
      }
      const at = list.lastIndexOf(id);
      if (at === list.length - 1 && at >= 0) continue; // already the freshest
      this.dirty.add(key >>> CHUNK_BITS);
      if (at >= 0) list.splice(at, 1);
      list.push(id);
      if (list.length > this.postingCap) list.shift();
    }
  }

  /**
   * Clusters sharing keys with a query (parallel keys and weights), scored by the summed weight
   * of the shared keys, best first, at most `limit`. `alive` filters out clusters merged away.
   */
  candidates(keys: readonly number[], weights: readonly number[], limit: number, alive: (id: number) => boolean): number[] {
    const score = this.score;
    for (let i = 0; i < keys.length; i++) {
      const list = this.list(keys[i]!);
      if (!list) continue;
      const w = weights[i]!;
      for (const id of list) score.set(id, (score.get(id) ?? 0) + w);
    }
    const out = bestK(score, limit, alive);
    score.clear();
    return out;
  }

  private list(key: number): number[] | undefined {
    const list = this.postings.get(key);
    if (list || !this.saved) return list;
    const c = key >>> CHUNK_BITS;
    if (this.readChunks.has(c)) return undefined;
    this.readChunks.add(c);
    const bytes = this.saved.read([c]).get(c);
    if (bytes) this.decode(bytes);
    return this.postings.get(key);
  }

  private decode(bytes: Uint8Array): void {
    const a = int32s(bytes);
    for (let at = 0; at < a.length; ) {
      const key = a[at++]!;
      const len = a[at++]!;
      this.postings.set(key, Array.from(a.subarray(at, at + len)));
      this.keyAdded(key);
      at += len;
    }
  }

  private decodeAll(): void {
    if (!this.saved) return;
    for (const [c, bytes] of this.saved.all()) if (!this.readChunks.has(c)) this.decode(bytes);
    this.saved = null;
  }

  private keyAdded(key: number): void {
    const c = key >>> CHUNK_BITS;
    const keys = this.chunkKeys.get(c);
    if (keys) keys.push(key);
    else this.chunkKeys.set(c, [key]);
  }

  /** Slices changed since the last call (every slice with `all`); clears the record. */
  takeDirty(all: boolean): number[] {
    if (all) this.decodeAll();
    const out = all ? [...this.chunkKeys.keys()] : [...this.dirty];
    this.dirty.clear();
    return out.sort((a, b) => a - b);
  }

  /** One slice as bytes: for each key, the key, its list's length, the list (oldest first). */
  chunkBytes(chunk: number): Uint8Array {
    const keys = this.chunkKeys.get(chunk) ?? [];
    let n = 0;
    for (const k of keys) n += 2 + this.postings.get(k)!.length;
    const out = new Int32Array(n);
    let at = 0;
    for (const k of keys) {
      const list = this.postings.get(k)!;
      out[at++] = k;
      out[at++] = list.length;
      for (const id of list) out[at++] = id;
    }
    return new Uint8Array(out.buffer);
  }

  /** An index over saved slices, each read and decoded when first reached. */
  static fromSaved(saved: SavedSlices, postingCap: number): SalientIndex {
    const idx = new SalientIndex(postingCap);
    idx.saved = saved;
    return idx;
  }

  toJSON(): SalientIndexJSON {
    this.decodeAll();
    return { postings: [...this.postings].map(([k, v]) => [k, [...v]]) };
  }

  static fromJSON(data: SalientIndexJSON, postingCap: number): SalientIndex {
    const idx = new SalientIndex(postingCap);
    idx.postings = new Map(data.postings.map(([k, v]) => [k, [...v]]));
    for (const k of idx.postings.keys()) idx.keyAdded(k);
    return idx;
  }
}

/** Best `k` ids by value (ties by smaller id), in one pass with a small sorted buffer. */
function bestK(score: ReadonlyMap<number, number>, k: number, keep: (id: number) => boolean): number[] {
  const ids: number[] = [];
  const vals: number[] = [];
  const better = (v: number, id: number, at: number) => v > vals[at]! || (v === vals[at]! && id < ids[at]!);
  for (const [id, v] of score) {
    if (ids.length === k && !better(v, id, k - 1)) continue;
    if (!keep(id)) continue;
    let at = ids.length;
    while (at > 0 && better(v, id, at - 1)) at--;
    ids.splice(at, 0, id);
    vals.splice(at, 0, v);
    if (ids.length > k) {
      ids.pop();
      vals.pop();
    }
  }
  return ids;
}
