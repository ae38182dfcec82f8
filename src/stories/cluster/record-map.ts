// Clusters by number, read and decoded from the saved state on first use. A run that adds a few
// articles to a large store touches a few clusters; reading all of them at load would make every
// run pay for the size of the store. A cluster never read is unchanged, so a save can skip it.

/** Saved clusters: which numbers exist, and their bytes by number. */
export interface SavedRecords {
  numbers(): Iterable<number>;
  read(numbers: readonly number[]): Map<number, Uint8Array>;
}

export class RecordMap<T> {
  private live = new Map<number, T>();
  /** Saved clusters not read yet. */
  private unread = new Set<number>();

  constructor(
    private readonly decode: (bytes: Uint8Array) => T,
    private readonly saved: SavedRecords,
  ) {
    for (const n of saved.numbers()) this.unread.add(n);
  }

  get(n: number): T | undefined {
    const v = this.live.get(n);
    if (v !== undefined || !this.unread.has(n)) return v;
    this.readAll([n]);
    return this.live.get(n);
  }

  has(n: number): boolean {
    return this.live.has(n) || this.unread.has(n);
  }

  set(n: number, v: T): void {
    this.unread.delete(n);
    this.live.set(n, v);
  }

  delete(n: number): boolean {
    const had = this.unread.delete(n);
    return this.live.delete(n) || had;
  }

  get size(): number {
    return this.live.size + this.unread.size;
  }

  /** Every cluster, reading those not read yet (listings and whole saves). */
  values(): IterableIterator<T> {
    if (this.unread.size > 0) this.readAll([...this.unread]);
    return this.live.values();
  }

  /** Only the clusters read since load: the only ones that can have changed. */
  decoded(): IterableIterator<T> {
    return this.live.values();
  }

  private readAll(numbers: number[]): void {
    const got = this.saved.read(numbers);
    for (const n of numbers) {
      const bytes = got.get(n);
      if (!bytes) throw new Error(`clusterer state lacks cluster part ${n}`);
      this.unread.delete(n);
      this.live.set(n, this.decode(bytes));
    }
  }
}
