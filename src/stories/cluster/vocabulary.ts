// Integer ids for every key the clusterer reads (terms, names, facts), with document
// frequencies and reusable dense scratch vectors over those ids. Interning once per article turns
// every later look-up (IDF, centroid sums, index keys) into an array access instead of a
// string-keyed Map probe, and keeps the heap small and flat at 100,000 articles.

/** One dictionary of keys; terms, names and facts share it (their frequencies are kept apart). */
export class Vocabulary {
  private ids = new Map<string, number>();
  private keys: string[] = [];

  get size(): number {
    return this.keys.length;
  }

  /** The id of a key, interning it on first sight. */
  intern(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keys.push(key);
      this.ids.set(key, id);
    }
    return id;
  }

  key(id: number): string {
    return this.keys[id]!;
  }

  toJSON(): string[] {
    return [...this.keys];
  }

  /** Keys `from` .. `to` - 1 (the state saves the dictionary in fixed-size slices; only the last ones grow). */
  slice(from: number, to: number): string[] {
    return this.keys.slice(from, to);
  }

  static fromJSON(keys: readonly string[]): Vocabulary {
    const v = new Vocabulary();
    for (const k of keys) v.intern(k);
    return v;
  }
}

/**
 * Ids per saved slice of a document-frequency table. A batch of articles counts into the slices
 * of the ids it holds; 4,096 counts are 16 KB, small next to the per-cluster parts a batch writes.
 */
export const DF_CHUNK_BITS = 12;
const DF_CHUNK = 1 << DF_CHUNK_BITS;

/** Int32 values from bytes written by `new Uint8Array(int32Array.buffer)` (copied: stored bytes need not be aligned). */
export function int32s(bytes: Uint8Array): Int32Array {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Int32Array(copy.buffer);
}

/** A growable Int32Array large enough for `n` slots. */
function grown(a: Int32Array, n: number): Int32Array {
  if (n <= a.length) return a;
  const out = new Int32Array(Math.max(n, a.length * 2));
  out.set(a);
  return out;
}

/**
 * Document frequencies by id, one article at a time. IDF is smoothed so that the first articles
 * of a stream still get usable weights: idf = ln((N + 1) / (df + 1)) + 1.
 */
export class IdTable {
  private df: Int32Array = new Int32Array(1024);
  private n = 0;
  private logN1 = 0;
  /** Slices (of `DF_CHUNK` ids) counted into since the state was last saved. */
  private dirty = new Uint8Array(64);

  get documents(): number {
    return this.n;
  }

  /** Count one article holding these (distinct) ids. */
  add(ids: ArrayLike<number>): void {
    this.n++;
    this.logN1 = Math.log(this.n + 1);
    let max = -1;
    for (let i = 0; i < ids.length; i++) if (ids[i]! > max) max = ids[i]!;
    this.df = grown(this.df, max + 1);
    if (max >= 0 && max >>> DF_CHUNK_BITS >= this.dirty.length) {
      const flags = new Uint8Array(Math.max(this.dirty.length * 2, (max >>> DF_CHUNK_BITS) + 1));
      flags.set(this.dirty);
      this.dirty = flags;
    }
    for (let i = 0; i < ids.length; i++) {
      this.df[ids[i]!]!++;
      this.dirty[ids[i]! >>> DF_CHUNK_BITS] = 1;
    }
  }

  idf(id: number): number {
    const df = id < this.df.length ? this.df[id]! : 0;
    return this.logN1 - Math.log(df + 1) + 1;
  }

  toJSON(): { n: number; df: number[] } {
    // Trailing zeros carry nothing.
    let end = this.df.length;
    while (end > 0 && this.df[end - 1] === 0) end--;
    return { n: this.n, df: Array.from(this.df.subarray(0, end)) };
  }

  /** Slice numbers counted into since the last call (all slices in use with `all`); clears the record. */
  takeDirty(all: boolean): number[] {
    const out: number[] = [];
    const used = Math.ceil(this.usedLength() / DF_CHUNK);
    for (let c = 0; c < used; c++) if (all || this.dirty[c]) out.push(c);
    this.dirty.fill(0);
    return out;
  }

  /** One slice of the counts, as bytes (a copy). */
  chunkBytes(chunk: number): Uint8Array {
    const from = chunk * DF_CHUNK;
    const part = this.df.slice(from, Math.min(from + DF_CHUNK, this.df.length));
    return new Uint8Array(part.buffer);
  }

  /** Counts from saved slices; `n` is the number of articles counted. */
  static fromChunks(n: number, chunks: ReadonlyMap<number, Uint8Array>): IdTable {
    const t = new IdTable();
    t.n = n;
    t.logN1 = Math.log(n + 1);
    let end = 0;
    for (const [c, bytes] of chunks) end = Math.max(end, c * DF_CHUNK + bytes.byteLength / 4);
    t.df = grown(t.df, end);
    for (const [c, bytes] of chunks) t.df.set(int32s(bytes), c * DF_CHUNK);
    return t;
  }

  private usedLength(): number {
    let end = this.df.length;
    while (end > 0 && this.df[end - 1] === 0) end--;
    return end;
  }

  static fromJSON(data: { n: number; df: number[] }): IdTable {
    const t = new IdTable();
    t.n = data.n;
    t.logN1 = Math.log(data.n + 1);
    t.df = grown(t.df, data.df.length);
    t.df.set(data.df);
    return t;
  }
}

/**
 * A dense vector over ids that remembers which slots it set, so clearing costs only what was
 * used. One is kept per role and reused for every article: no per-article map.
 */
export class DenseScratch {
  values = new Float64Array(1024);
  private used: number[] = [];

  get size(): number {
    return this.used.length;
  }

  /** Ids set since the last clear, in the order they were set. */
  get ids(): readonly number[] {
    return this.used;
  }

  set(id: number, value: number): void {
    if (id >= this.values.length) {
      const next = new Float64Array(Math.max(id + 1, this.values.length * 2));
      next.set(this.values);
      this.values = next;
    }
    if (this.values[id] === 0) this.used.push(id);
    this.values[id] = value;
  }

  get(id: number): number {
    return id < this.values.length ? this.values[id]! : 0;
  }

  clear(): void {
    for (const id of this.used) this.values[id] = 0;
    this.used.length = 0;
  }
}

/**
 * The `k` ids with the largest values, heaviest first, ties by smaller id; one pass with a small
 * sorted buffer (k is small next to n), no full sort.
 */
export function topIds(ids: ArrayLike<number>, values: ArrayLike<number>, length: number, k: number): number[] {
  const outIds: number[] = [];
  const outVals: number[] = [];
  for (let i = 0; i < length; i++) {
    const id = ids[i]!;
    const v = values[i]!;
    const n = outIds.length;
    if (n === k && !(v > outVals[n - 1]! || (v === outVals[n - 1]! && id < outIds[n - 1]!))) continue;
    let at = n;
    while (at > 0 && (v > outVals[at - 1]! || (v === outVals[at - 1]! && id < outIds[at - 1]!))) at--;
    outIds.splice(at, 0, id);
    outVals.splice(at, 0, v);
    if (outIds.length > k) {
      outIds.pop();
      outVals.pop();
    }
  }
  return outIds;
}
