// Clusters by number, decoded from their saved bytes on first use. A run that adds a few articles
// to a large store touches a few clusters; decoding all of them at load would make every run pay
// for the size of the store. A cluster never decoded is unchanged, so a save can skip it.

export class RecordMap<T> {
  private live = new Map<number, T>();
  private raw = new Map<number, Uint8Array>();

  constructor(private readonly decode: (bytes: Uint8Array) => T) {}

  /** Keep a cluster's saved bytes, to decode when it is first read. */
  putEncoded(n: number, bytes: Uint8Array): void {
    this.live.delete(n);
    this.raw.set(n, bytes);
  }

  get(n: number): T | undefined {
    const v = this.live.get(n);
    if (v !== undefined) return v;
    const bytes = this.raw.get(n);
    if (bytes === undefined) return undefined;
    const decoded = this.decode(bytes);
    this.raw.delete(n);
    this.live.set(n, decoded);
    return decoded;
  }

  has(n: number): boolean {
    return this.live.has(n) || this.raw.has(n);
  }

  set(n: number, v: T): void {
    this.raw.delete(n);
    this.live.set(n, v);
  }

  delete(n: number): boolean {
    const had = this.raw.delete(n);
    return this.live.delete(n) || had;
  }

  get size(): number {
    return this.live.size + this.raw.size;
  }

  /** Every cluster, decoding those not read yet (listings and whole saves). */
  values(): IterableIterator<T> {
    for (const n of [...this.raw.keys()]) this.get(n);
    return this.live.values();
  }

  /** Only the clusters read since load: the only ones that can have changed. */
  decoded(): IterableIterator<T> {
    return this.live.values();
  }
}
