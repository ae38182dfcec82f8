// Perceptron weights keyed by 32-bit feature hashes, one row of class weights per feature.
// Written here rather than taken from npm: the hot loop is 'look a key up in an open-addressing
// table of typed arrays and add a row', which no general hash-map package does without boxing.

/**
 * Open-addressing table from non-zero 32-bit keys to row numbers (linear probing). Key and row
 * sit side by side in one array, so a look-up touches one cache line, not two.
 */
class KeyTable {
  slots: Int32Array;
  mask: number;
  size = 0;

  constructor(capacity: number) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
  }

  get capacity(): number {
    return this.mask + 1;
  }

  get(key: number): number {
    const slots = this.slots;
    let i = key & this.mask;
    for (;;) {
      const k = slots[i * 2]!;
      if (k === key) return slots[i * 2 + 1]!;
      if (k === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }

  /** Inserts a key that is not there yet. */
  put(key: number, row: number): void {
    if ((this.size + 1) * 2 > this.capacity) this.grow();
    let i = key & this.mask;
    while (this.slots[i * 2] !== 0) i = (i + 1) & this.mask;
    this.slots[i * 2] = key;
    this.slots[i * 2 + 1] = row;
    this.size++;
  }

  /** Every (key, row) pair, in slot order. */
  *entries(): Generator<[number, number]> {
    for (let i = 0; i < this.capacity; i++) if (this.slots[i * 2] !== 0) yield [this.slots[i * 2]!, this.slots[i * 2 + 1]!];
  }

  private grow(): void {
    const old = this.slots;
    const cap = this.capacity * 2;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) this.put(old[i]!, old[i + 1]!);
  }
}

/** Adds the rows of the given keys into scores (length = classes). */
function addRows(table: KeyTable, w: Float32Array, classes: number, keys: Int32Array, n: number, scores: Float32Array): void {
  scores.fill(0);
  for (let f = 0; f < n; f++) {
    const r = table.get(keys[f]!);
    if (r < 0) continue;
    const base = r * classes;
    for (let c = 0; c < classes; c++) scores[c]! += w[base + c]!;
  }
}

/** Averaged perceptron weights while training (w and the Daumé accumulator u: average = w - u/t). */
export class TrainingWeights {
  private table = new KeyTable(1 << 16);
  private w = new Float32Array(1 << 16);
  private u = new Float32Array(1 << 16);
  private nRows = 0;
  /** Training instances seen so far (the averaging clock). */
  t = 1;

  constructor(readonly classes: number) {}

  score(keys: Int32Array, n: number, scores: Float32Array): void {
    addRows(this.table, this.w, this.classes, keys, n, scores);
  }

  private rowOf(key: number): number {
    let r = this.table.get(key);
    if (r >= 0) return r;
    r = this.nRows++;
    this.table.put(key, r);
    const need = this.nRows * this.classes;
    if (need > this.w.length) {
      const w = new Float32Array(this.w.length * 2);
      w.set(this.w);
      this.w = w;
      const u = new Float32Array(this.u.length * 2);
      u.set(this.u);
      this.u = u;
    }
    return r;
  }

  /** Rewards class good and penalises class bad on every key. */
  update(keys: Int32Array, n: number, good: number, bad: number): void {
    const t = this.t;
    for (let f = 0; f < n; f++) {
      const base = this.rowOf(keys[f]!) * this.classes;
      this.w[base + good]! += 1;
      this.u[base + good]! += t;
      this.w[base + bad]! -= 1;
      this.u[base + bad]! -= t;
    }
  }

  /** The averaged weights, rows whose largest weight is under prune dropped. */
  freeze(prune: number): FrozenWeights {
    const K = this.classes;
    const entries: { key: number; row: number }[] = [];
    for (const [key, row] of this.table.entries()) entries.push({ key, row });
    entries.sort((a, b) => (a.key >>> 0) - (b.key >>> 0));
    const keys: number[] = [];
    const rows: number[] = [];
    for (const e of entries) {
      let max = 0;
      for (let c = 0; c < K; c++) {
        const avg = this.w[e.row * K + c]! - this.u[e.row * K + c]! / this.t;
        if (Math.abs(avg) > max) max = Math.abs(avg);
      }
      if (max < prune) continue;
      keys.push(e.key);
      for (let c = 0; c < K; c++) rows.push(this.w[e.row * K + c]! - this.u[e.row * K + c]! / this.t);
    }
    return FrozenWeights.fromArrays(K, Int32Array.from(keys), Float32Array.from(rows));
  }
}

/** Weights for prediction: sorted keys and their rows, indexed once at load. */
export class FrozenWeights {
  private table: KeyTable;

  private constructor(readonly classes: number, readonly keys: Int32Array, readonly w: Float32Array) {
    this.table = new KeyTable(keys.length);
    for (let i = 0; i < keys.length; i++) this.table.put(keys[i]!, i);
  }

  static fromArrays(classes: number, keys: Int32Array, w: Float32Array): FrozenWeights {
    return new FrozenWeights(classes, keys, w);
  }

  score(keys: Int32Array, n: number, scores: Float32Array): void {
    addRows(this.table, this.w, this.classes, keys, n, scores);
  }

  /** Sorted keys as varint deltas, weights as int16 at the given step: small and byte-stable. */
  encode(step: number): Buffer {
    const K = this.classes;
    const parts: number[] = [];
    let prev = 0;
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i]! >>> 0;
      let d = k - prev;
      prev = k;
      while (d >= 0x80) {
        parts.push((d & 0x7f) | 0x80);
        d = Math.floor(d / 128);
      }
      parts.push(d);
    }
    const head = Buffer.alloc(12);
    head.writeUInt32LE(K, 0);
    head.writeUInt32LE(this.keys.length, 4);
    head.writeFloatLE(step, 8);
    const q = new Int16Array(this.w.length);
    for (let i = 0; i < this.w.length; i++) q[i] = Math.max(-32767, Math.min(32767, Math.round(this.w[i]! / step)));
    const keyBytes = Buffer.from(parts);
    const len = Buffer.alloc(4);
    len.writeUInt32LE(keyBytes.length, 0);
    return Buffer.concat([head, len, keyBytes, Buffer.from(q.buffer, q.byteOffset, q.byteLength)]);
  }

  static decode(buf: Buffer): FrozenWeights {
    const K = buf.readUInt32LE(0);
    const n = buf.readUInt32LE(4);
    const step = buf.readFloatLE(8);
    const keyLen = buf.readUInt32LE(12);
    const keys = new Int32Array(n);
    let pos = 16;
    let prev = 0;
    for (let i = 0; i < n; i++) {
      let d = 0;
      let mul = 1;
      for (;;) {
        const b = buf[pos++]!;
        d += (b & 0x7f) * mul;
        if (b < 0x80) break;
        mul *= 128;
      }
      prev += d;
      keys[i] = prev | 0;
    }
    pos = 16 + keyLen;
    const w = new Float32Array(n * K);
    // Copied out first: the section need not be 2-byte aligned for an Int16Array view.
    const q = new Int16Array(new Uint8Array(buf.subarray(pos, pos + n * K * 2)).buffer);
    for (let i = 0; i < w.length; i++) w[i] = q[i]! * step;
    return new FrozenWeights(K, keys, w);
  }
}
