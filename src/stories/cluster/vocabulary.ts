// Integer ids for every key the clusterer reads (terms, names, facts), with document
// frequencies and reusable dense scratch vectors over those ids. Interning once per article turns
// every later look-up (IDF, centroid sums, index keys) into an array access instead of a
// string-keyed Map probe, and keeps the heap small and flat at 100,000 articles.

/** How many buckets a saved dictionary is split into by key hash (a power of two). */
export const DICTIONARY_BUCKETS = 65536;

/** The bucket of a key: FNV-1a over its UTF-16 code units (stable across runs and platforms). */
export function bucketOf(key: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (buckets - 1);
}

/** A dictionary saved outside the process, read a bucket or a slice at a time. */
export interface SavedDictionary {
  /** Number of keys saved (ids 0 .. size - 1). */
  size: number;
  /** The [key, id] pairs of these buckets (a bucket never written holds none). */
  buckets(numbers: readonly number[]): Map<number, [string, number][]>;
  /** The keys of ids `n × sliceSize` onwards (throws when the state lacks the slice). */
  slice(n: number): string[];
  sliceSize: number;
}

/**
 * One dictionary of keys; terms, names and facts share it (their frequencies are kept apart).
 * Over a saved state it is either read by bucket (`lookup`: only the buckets of the keys it is
 * asked for and the slices of the ids whose keys it must show, so a run that places a few
 * articles on a large store does not rebuild a map of every key: 545k keys at 100k articles took
 * half a second), or held whole (a large run, which would reach most buckets anyway). Either way a
 * save rewrites only the buckets that gained a key, merged with what the state holds of them.
 */
export class Vocabulary {
  readonly bucketCount: number;
  private ids = new Map<string, number>();
  /** Keys by id; holes for saved keys not read. */
  private keys: string[] = [];
  private count: number;
  /** Whether a key not in `ids` may still be a saved one (read by bucket). */
  private lookup: boolean;
  /** Every key of these buckets (read from the saved state, or nothing was saved). */
  private bucketKeys = new Map<number, string[]>();
  /** New keys of buckets whose saved keys are not read yet (merged at the next save). */
  private unmerged = new Map<number, string[]>();
  private dirtyBuckets = new Set<number>();
  private readSlices = new Set<number>();
  /** Buckets holding at least one key. */
  private filled: number;
  /** Every bucket is written at the next save (a dictionary read whole from a state without buckets). */
  private allDirty = false;

  /**
   * A new dictionary, or one over a saved state: read by bucket as keys are asked for, or with
   * `whole`, every saved key (in id order) known from the start.
   */
  constructor(
    private saved: SavedDictionary | null = null,
    opts: { filledBuckets?: number; bucketCount?: number; whole?: readonly string[] } = {},
  ) {
    this.bucketCount = opts.bucketCount ?? DICTIONARY_BUCKETS;
    this.filled = opts.filledBuckets ?? 0;
    this.count = saved?.size ?? 0;
    this.lookup = saved !== null && !opts.whole;
    if (opts.whole) {
      this.keys = [...opts.whole];
      opts.whole.forEach((k, id) => this.ids.set(k, id));
    }
  }

  get size(): number {
    return this.count;
  }

  /** Number of buckets holding a key (a saved state is checked against it). */
  get filledBuckets(): number {
    return this.filled;
  }

  /** The id of a key, interning it on first sight. */
  intern(key: string): number {
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const b = bucketOf(key, this.bucketCount);
    if (this.lookup && !this.bucketKeys.has(b)) {
      this.readBuckets([b]);
      const found = this.ids.get(key);
      if (found !== undefined) return found;
    }
    const id = this.count++;
    this.keys[id] = key;
    this.ids.set(key, id);
    const list = this.bucketKeys.get(b);
    if (list) {
      if (list.length === 0) this.filled++;
      list.push(key);
    } else if (this.saved) {
      const waiting = this.unmerged.get(b);
      if (waiting) waiting.push(key);
      else this.unmerged.set(b, [key]);
    } else {
      this.bucketKeys.set(b, [key]);
      this.filled++;
    }
    this.dirtyBuckets.add(b);
    return id;
  }

  /** Reads, in one go, the saved buckets of those of these keys not known yet (an article's keys). */
  prefetch(keys: Iterable<string>): void {
    if (!this.lookup) return;
    const wanted = new Set<number>();
    for (const k of keys) {
      if (this.ids.has(k)) continue;
      const b = bucketOf(k, this.bucketCount);
      if (!this.bucketKeys.has(b)) wanted.add(b);
    }
    if (wanted.size > 0) this.readBuckets([...wanted]);
  }

  key(id: number): string {
    const k = this.keys[id];
    if (k !== undefined) return k;
    if (!this.saved || id >= this.saved.size) throw new Error(`no dictionary key has id ${id}`);
    this.readSlice(Math.floor(id / this.saved.sliceSize));
    return this.keys[id]!;
  }

  toJSON(): string[] {
    return this.slice(0, this.count);
  }

  /** Keys `from` .. `to` - 1 (the state saves the dictionary in fixed-size slices; only the last ones grow). */
  slice(from: number, to: number): string[] {
    const end = Math.min(to, this.count);
    const out: string[] = [];
    for (let id = from; id < end; id++) out.push(this.key(id));
    return out;
  }

  /**
   * The buckets changed since the last call, as [bucket, [key, id] pairs] (every bucket with
   * `all`); clears the record.
   */
  takeDirtyBuckets(all: boolean): [number, [string, number][]][] {
    if (all || this.allDirty) this.holdWhole();
    const numbers = all || this.allDirty ? [...this.bucketKeys.keys()] : [...this.dirtyBuckets];
    this.dirtyBuckets.clear();
    this.allDirty = false;
    this.mergeSaved(numbers.filter((b) => this.unmerged.has(b)));
    const out: [number, [string, number][]][] = [];
    for (const b of numbers.sort((x, y) => x - y)) {
      const keys = this.bucketKeys.get(b)!;
      if (keys.length > 0) out.push([b, keys.map((k) => [k, this.ids.get(k)!])]);
    }
    return out;
  }

  /** A dictionary of these keys (ids in order), held whole; `rebucket` writes every bucket at the next save. */
  static fromJSON(keys: readonly string[], rebucket = false): Vocabulary {
    const v = new Vocabulary();
    for (const k of keys) v.intern(k);
    v.dirtyBuckets.clear();
    v.allDirty = rebucket;
    return v;
  }

  private readBuckets(numbers: number[]): void {
    const got = this.saved!.buckets(numbers);
    for (const b of numbers) {
      const entries = got.get(b) ?? [];
      for (const [k, id] of entries) {
        this.ids.set(k, id);
        this.keys[id] = k;
      }
      this.bucketKeys.set(
        b,
        entries.map(([k]) => k),
      );
    }
  }

  /** Puts the saved keys of these buckets before the new ones waiting for them. */
  private mergeSaved(numbers: number[]): void {
    if (numbers.length === 0) return;
    const got = this.saved!.buckets(numbers);
    for (const b of numbers) {
      const saved = (got.get(b) ?? []).map(([k]) => k);
      if (saved.length === 0) this.filled++;
      this.bucketKeys.set(b, [...saved, ...this.unmerged.get(b)!]);
      this.unmerged.delete(b);
    }
  }

  private readSlice(n: number): void {
    if (this.readSlices.has(n)) return;
    const from = n * this.saved!.sliceSize;
    const keys = this.saved!.slice(n);
    for (let i = 0; i < keys.length; i++) {
      this.keys[from + i] = keys[i]!;
      this.ids.set(keys[i]!, from + i);
    }
    this.readSlices.add(n);
  }

  /** Reads every saved key and regroups the buckets: the dictionary is then held whole, with nothing saved behind it. */
  private holdWhole(): void {
    const saved = this.saved;
    // Nothing saved behind it: every key was interned here, into its bucket.
    if (!saved) return;
    for (let n = 0; n * saved.sliceSize < saved.size; n++) this.readSlice(n);
    this.bucketKeys.clear();
    this.unmerged.clear();
    this.filled = 0;
    for (let id = 0; id < this.count; id++) {
      const k = this.keys[id]!;
      const b = bucketOf(k, this.bucketCount);
      const list = this.bucketKeys.get(b);
      if (list) list.push(k);
      else {
        this.bucketKeys.set(b, [k]);
        this.filled++;
      }
    }
    this.saved = null;
    this.lookup = false;
  }
}

/** Ids per saved slice of a document-frequency table (16 KB of counts). */
const DF_CHUNK = 4096;

/** Int32 values from bytes written by `new Uint8Array(int32Array.buffer)` (copied: stored bytes need not be aligned). */
export function int32s(bytes: Uint8Array): Int32Array {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Int32Array(copy.buffer);
}

/**
 * What a save of a document-frequency table writes. A batch counts into ids all over the table
 * (common words everywhere, new names at the end), so instead of rewriting every slice it
 * touched, a save appends the ids it counted as one delta; once the deltas hold as many ids as
 * the table has slots, the slices are written whole and the deltas dropped (amortised: each
 * counted id is written a bounded number of times, whatever the size of the table).
 */
export interface DfChanges {
  /** Slices written whole (after a compaction), by slice number. */
  chunks: [number, Uint8Array][];
  /** A new delta: its sequence number and the ids counted since the last save (each +1). */
  delta: [number, Uint8Array] | null;
  /** Sequence numbers of deltas folded into the slices, to delete. */
  dropped: number[];
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
  /** Ids counted since the last save, one array per article (copies). */
  private pending: Int32Array[] = [];
  private pendingCount = 0;
  /** More ids counted than the next save would log: it writes the slices whole (and nothing more is kept). */
  private overflow = false;
  /** Sequence numbers of the deltas saved since the slices were last written, and how many ids they hold. */
  private deltas: number[] = [];
  private logged = 0;
  private nextDelta = 0;

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
    for (let i = 0; i < ids.length; i++) this.df[ids[i]!]!++;
    if (this.overflow || ids.length === 0) return;
    this.pending.push(Int32Array.from(ids));
    this.pendingCount += ids.length;
    if (this.logged + this.pendingCount > this.df.length) {
      this.overflow = true;
      this.pending = [];
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

  /** The changes since the last call (every slice with `all`); clears the record. */
  takeChanges(all: boolean): DfChanges {
    const count = this.pendingCount;
    const used = this.usedLength();
    const out: DfChanges = { chunks: [], delta: null, dropped: [] };
    if (all || this.overflow || this.logged + count > used) {
      for (let c = 0; c * DF_CHUNK < used; c++) out.chunks.push([c, new Uint8Array(this.df.slice(c * DF_CHUNK, Math.min((c + 1) * DF_CHUNK, used)).buffer)]);
      out.dropped = this.deltas;
      this.deltas = [];
      this.logged = 0;
    } else if (count > 0) {
      const ids = new Int32Array(count);
      let at = 0;
      for (const p of this.pending) {
        ids.set(p, at);
        at += p.length;
      }
      out.delta = [this.nextDelta, new Uint8Array(ids.buffer)];
      this.deltas.push(this.nextDelta++);
      this.logged += count;
    }
    this.pending = [];
    this.pendingCount = 0;
    this.overflow = false;
    return out;
  }

  /** Counts from saved slices and deltas; `n` is the number of articles counted. */
  static fromParts(n: number, chunks: ReadonlyMap<number, Uint8Array>, deltas: ReadonlyMap<number, Uint8Array>): IdTable {
    const t = new IdTable();
    t.n = n;
    t.logN1 = Math.log(n + 1);
    let end = 0;
    for (const [c, bytes] of chunks) end = Math.max(end, c * DF_CHUNK + bytes.byteLength / 4);
    t.df = grown(t.df, end);
    for (const [c, bytes] of chunks) t.df.set(int32s(bytes), c * DF_CHUNK);
    for (const [seq, bytes] of [...deltas].sort((a, b) => a[0] - b[0])) {
      const ids = int32s(bytes);
      let max = -1;
      for (const id of ids) if (id > max) max = id;
      t.df = grown(t.df, max + 1);
      for (const id of ids) t.df[id]!++;
      t.deltas.push(seq);
      t.logged += ids.length;
      t.nextDelta = seq + 1;
    }
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
  private expected = 0;

  get size(): number {
    return this.used.length;
  }

  /** Ids set since the last clear, in the order they were set. */
  get ids(): readonly number[] {
    return this.used;
  }

  set(id: number, value: number): void {
    if (id >= this.values.length) {
      const next = new Float64Array(Math.max(id + 1, this.values.length * 2, this.expected));
      next.set(this.values);
      this.values = next;
    }
    if (this.values[id] === 0) this.used.push(id);
    this.values[id] = value;
  }

  /**
   * How many ids to make room for at the first growth. A clusterer loaded over a large dictionary
   * says so: doubling from a small array up to 545k ids cost a fifth of a five-article run.
   */
  expect(n: number): void {
    this.expected = n;
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
