// The entity tagger: a structured (Viterbi-trained, averaged) perceptron over hashed features.
// Tagging is two passes per document: the first without, the second with the types the first pass
// gave the same words elsewhere in the document. Weights live in an open-addressing table keyed by
// the 32-bit feature hash; the file is our own compact binary, gzipped.
// Written here rather than taken from npm: the JS NER packages are rule lists or wrappers around
// remote services, and none trains on CoNLL data with features of our choosing.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { modelsDir } from '../../paths.js';
import { viterbi } from './decode.js';
import { documentContext, documentNames, documentPredictions, K_SYMBOLS, KeyBuffer, secondPassKeys, sentenceFeaturesInto, sentenceInfo, type SentenceInfo } from './features.js';
import { NameTable, normaliseToken, tokenKey, type Gazetteer } from './gazetteer.js';
import { hashString } from './hash.js';
import { encodeWordClusters, readWordClusters } from './clusters.js';
import { bilouToBio, NUM_TAGS, tagType } from './tags.js';

const T = NUM_TAGS;
if (T !== 17) throw new Error('addKeys is unrolled for 17 tags');
const MAGIC = 0x3152454e; // 'NER1'
/** Weight resolution at run time; the trainer stores weights at this resolution too. */
export const QUANT = 100;

/** What the trainer hands over: parallel arrays of feature keys and their T weights. */
export interface NerWeights {
  keys: Uint32Array;
  weights: Float32Array;
  /** (T + 1) × T transition weights, start row first. */
  transitions: Float32Array;
  gazetteer: Gazetteer;
  /** Label-free word classes (lower-case share and frequency in the training text), by word hash. */
  clusters: Map<number, number>;
  /** Distributional word classes from unlabelled text (src/entities/ner/clusters.ts), by word hash. */
  distributional: Map<number, number>;
}

/**
 * A model as its file stores it, ready to lay out: per row its key, a mask of the tags with a
 * non-zero weight and those weights (int16, in units of 1 / scale), and the lists as lookup tables.
 * Built straight from the file's arrays: no per-weight floats or Maps at start-up.
 */
export interface PackedModel {
  keys: Uint32Array;
  masks: Uint32Array;
  values: Int16Array;
  scale: number;
  transitions: Float32Array;
  names: NameTable;
  wordClasses: NameTable;
  distClasses: NameTable;
}

/**
 * Slot layout of the weight table, in 16-bit units: the key (2 units), the T weights of its row,
 * and a last unit that is 1 in a used slot. A probe finds the key and its weights in one place,
 * so a hit costs one cache miss instead of two (key table, then weight row).
 */
const SLOT16 = 20;
const USED = SLOT16 - 1;
if (2 + T > USED) throw new Error('weight slots too small for the tag set');

export class NerModel {
  /** Open addressing (linear probing) over the feature keys; slots as above. */
  private readonly slots16: Int16Array;
  /** The same memory, 32 bits at a time, for the keys (slot p's key at p * SLOT16 / 2). */
  private readonly slots32: Int32Array;
  private readonly mask: number;
  /** Row in `data` of each slot (for row()). */
  private readonly rowOf: Int32Array;
  private readonly transitions: Float32Array;
  private readonly names: NameTable;
  private readonly wordClasses: NameTable;
  private readonly distClasses: NameTable;
  /** Per-token scratch sums of addKeys. */
  private readonly acc = new Int32Array(T);
  /** Slots found by addKeys for one token's keys. */
  private found = new Int32Array(256);
  /** Static keys of the sentence being tagged (reused: tagging is synchronous). */
  private readonly keyBuffer = new KeyBuffer();

  constructor(data: PackedModel) {
    this.transitions = data.transitions.map((v) => v * QUANT);
    this.names = data.names;
    this.wordClasses = data.wordClasses;
    this.distClasses = data.distClasses;
    const rows = data.keys.length;
    let cap = 1;
    while (cap * 0.6 < rows) cap <<= 1; // load at most 0.6
    this.slots16 = new Int16Array(cap * SLOT16);
    this.slots32 = new Int32Array(this.slots16.buffer);
    this.rowOf = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    // Plain loops over typed arrays: this runs at every start of the CLI, over ~10^5 rows.
    const { keys, masks, values, scale } = data;
    const slots16 = this.slots16;
    let v = 0;
    for (let r = 0; r < rows; r++) {
      const k = keys[r]!;
      let p = k & this.mask;
      while (slots16[p * SLOT16 + USED] !== 0) p = (p + 1) & this.mask;
      const s = p * SLOT16;
      this.slots32[s >> 1] = k | 0;
      // Weights as 16-bit integers in units of 1 / QUANT: half the memory traffic of floats. Files
      // are written at QUANT, so the stored integers are copied as they are.
      const m = masks[r]!;
      for (let t = 0; t < T; t++) {
        if (!(m & (1 << t))) continue;
        const q = scale === QUANT ? values[v++]! : Math.round((values[v++]! / scale) * QUANT);
        slots16[s + 2 + t] = q > 32767 ? 32767 : q < -32767 ? -32767 : q;
      }
      slots16[s + USED] = 1;
      this.rowOf[p] = r;
    }
  }

  /** Start of a key's slot (in 16-bit units), or -1. */
  private slot(key: number): number {
    const k = key | 0;
    let p = key & this.mask;
    for (;;) {
      const s = p * SLOT16;
      if (this.slots16[s + USED] === 0) return -1;
      if (this.slots32[s >> 1] === k) return s;
      p = (p + 1) & this.mask;
    }
  }

  /** Row of weights (in `data`) for a feature key, or -1. */
  row(key: number): number {
    const s = this.slot(key);
    return s < 0 ? -1 : this.rowOf[s / SLOT16]!;
  }

  /**
   * Adds the weight rows of keys[from..to) to emit[at..at + T). The rows are integers (units of
   * 1 / QUANT) and their sums stay far below 2^24, so they are summed exactly in an Int32Array
   * (cheaper than float adds) and written once; the result is the same whatever the order. Returns
   * whether emit changed.
   */
  private addKeys(keys: ArrayLike<number>, from: number, to: number, emit: Float32Array, at: number): boolean {
    if (from === to) return false;
    const w = this.slots16;
    const acc = this.acc;
    acc.fill(0);
    // Probe all keys first, then add: the probes do not wait on one another, so their cache
    // misses overlap instead of queueing behind the adds.
    if (this.found.length < to - from) this.found = new Int32Array(2 * (to - from));
    const found = this.found;
    let m = 0;
    for (let k = from; k < to; k++) {
      const s = this.slot(keys[k]!);
      if (s >= 0) found[m++] = s;
    }
    for (let j = 0; j < m; j++) {
      const b = found[j]! + 2;
      // Unrolled over the 17 tags: this loop is the tagger's hot spot.
      acc[0]! += w[b]!;
      acc[1]! += w[b + 1]!;
      acc[2]! += w[b + 2]!;
      acc[3]! += w[b + 3]!;
      acc[4]! += w[b + 4]!;
      acc[5]! += w[b + 5]!;
      acc[6]! += w[b + 6]!;
      acc[7]! += w[b + 7]!;
      acc[8]! += w[b + 8]!;
      acc[9]! += w[b + 9]!;
      acc[10]! += w[b + 10]!;
      acc[11]! += w[b + 11]!;
      acc[12]! += w[b + 12]!;
      acc[13]! += w[b + 13]!;
      acc[14]! += w[b + 14]!;
      acc[15]! += w[b + 15]!;
      acc[16]! += w[b + 16]!;
    }
    let changed = false;
    for (let t = 0; t < T; t++) {
      emit[at + t]! += acc[t]!;
      if (acc[t] !== 0) changed = true;
    }
    return changed;
  }

  /** BILOU tag indices for the sentences of one document. */
  tagDocumentIndices(sentences: string[][]): Int8Array[] {
    const infos = sentences.map(sentenceInfo);
    const flags = documentContext(infos);
    const emits: Float32Array[] = [];
    const first = infos.map((s) => {
      const keys = this.keyBuffer;
      const offsets = sentenceFeaturesInto(s, this.names, flags, this.wordClasses, this.distClasses, keys);
      const n = s.words.length;
      const emit = new Float32Array(n * T);
      for (let i = 0; i < n; i++) {
        this.addKeys(keys.data, offsets[i]!, offsets[i + 1]!, emit, i * T);
        if (s.kind[i]! & K_SYMBOLS) barNameStart(emit, i * T);
      }
      emits.push(emit);
      const out = new Int8Array(n);
      viterbi(emit, n, this.transitions, out);
      return out;
    });
    return this.secondPass(infos, emits, first);
  }

  private secondPass(infos: SentenceInfo[], emits: Float32Array[], first: Int8Array[]): Int8Array[] {
    const counts = documentPredictions(infos, first.map((tags) => tags.map(tagType) as Int8Array));
    const names = documentNames(infos, first);
    return infos.map((s, si) => {
      const n = s.words.length;
      const emit = emits[si]!;
      const extra = secondPassKeys(s, first[si]!, counts, names);
      let changed = false;
      for (let i = 0; i < n; i++) if (this.addKeys(extra[i]!, 0, extra[i]!.length, emit, i * T)) changed = true;
      // The same scores decode to the same tags: a sentence the second pass leaves alone keeps the first pass's.
      if (!changed) return first[si]!;
      const out = new Int8Array(n);
      viterbi(emit, n, this.transitions, out);
      return out;
    });
  }

  /**
   * What the training text says of one word: the share of its uses written in lower case (0 never,
   * 1 under 0.2, 2 under 0.8, 3 under 1, 4 always; null when seen less than twice) and the types
   * of the names it occurs in (bit k for ENTITY_TYPES[k]). Resolution reads it to tell a common
   * word capitalised by its place ('Describing', 'Moreover') from a name word.
   */
  wordInfo(word: string): { lowerShare: number | null; nameTypes: number } {
    const h = hashString(normaliseToken(word));
    const c = this.wordClasses.get(h);
    return { lowerShare: c === undefined ? null : Math.floor((c - 2) / 3), nameTypes: this.names.get(tokenKey(h)) ?? 0 };
  }

  /** BIO tags (PER/ORG/LOC/MISC) for the sentences of one document; sentences share document context. */
  tagDocument(sentences: string[][]): string[][] {
    return this.tagDocumentIndices(sentences).map(bilouToBio);
  }
}

/**
 * A token of punctuation or symbols alone never opens a name nor is one (no name of the CoNLL
 * training split is, and one starts so once in 23,499): its B and U scores are set far below any
 * other, so a lone '&' or ')' is never tagged. It may still sit inside or end a name ('Procter & Gamble').
 */
function barNameStart(emit: Float32Array, at: number): void {
  for (let t = 1; t < T; t += 4) {
    emit[at + t] = -1e9; // B
    emit[at + t + 3] = -1e9; // U
  }
}

/** Binary layout: header, transitions, keys, per-row tag masks and int16 weights, gazetteer, clusters. */
export function encodeModel(d: NerWeights, scale: number): Buffer {
  const rows = d.keys.length;
  const values: number[] = [];
  const masks = new Uint32Array(rows);
  for (let r = 0; r < rows; r++) {
    for (let t = 0; t < T; t++) {
      const q = Math.round(d.weights[r * T + t]! * scale);
      if (q === 0) continue;
      masks[r]! |= 1 << t;
      values.push(Math.max(-32767, Math.min(32767, q)));
    }
  }
  const gaz = [...d.gazetteer.entries()].sort((a, b) => a[0] - b[0]);
  const clusters = [...d.clusters.entries()].sort((a, b) => a[0] - b[0]);
  const header = new Uint32Array([MAGIC, T, scale, rows, values.length, gaz.length, clusters.length]);
  const parts = [
    Buffer.from(header.buffer),
    Buffer.from(d.transitions.buffer, d.transitions.byteOffset, d.transitions.byteLength),
    Buffer.from(deltas(d.keys).buffer),
    Buffer.from(masks.buffer),
    Buffer.from(Int16Array.from(values).buffer),
    Buffer.from(deltas(Uint32Array.from(gaz.map((g) => g[0]))).buffer),
    Buffer.from(Uint8Array.from(gaz.map((g) => g[1]))),
  ];
  const pad = (4 - (parts.reduce((n, p) => n + p.length, 0) % 4)) % 4;
  parts.push(Buffer.alloc(pad));
  parts.push(Buffer.from(deltas(Uint32Array.from(clusters.map((c) => c[0]))).buffer), Buffer.from(Uint32Array.from(clusters.map((c) => c[1])).buffer));
  parts.push(encodeWordClusters(d.distributional));
  return Buffer.concat(parts);
}

/** Sorted keys as differences (they compress far better than raw hashes). */
function deltas(sorted: Uint32Array): Uint32Array {
  const out = new Uint32Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) out[i] = (sorted[i]! - (i ? sorted[i - 1]! : 0)) >>> 0;
  return out;
}

function undeltas(d: Uint32Array): Uint32Array {
  const out = new Uint32Array(d.length);
  let acc = 0;
  for (let i = 0; i < d.length; i++) out[i] = acc = (acc + d[i]!) >>> 0;
  return out;
}

export function decodeModel(buf: Buffer): PackedModel {
  const bytes = new Uint8Array(buf.length);
  bytes.set(buf);
  const u32 = (offset: number, n: number) => new Uint32Array(bytes.buffer, offset, n);
  const [magic, tags, scale, rows, nValues, nGaz, nClusters] = u32(0, 7) as unknown as number[];
  if (magic !== MAGIC || tags !== T) throw new Error('not an entity-tagger model of this version');
  let at = 28;
  const transitions = new Float32Array(bytes.buffer.slice(at, at + (T + 1) * T * 4));
  at += (T + 1) * T * 4;
  const keys = undeltas(u32(at, rows!));
  at += rows! * 4;
  const masks = u32(at, rows!);
  at += rows! * 4;
  const values = new Int16Array(bytes.buffer.slice(at, at + nValues! * 2));
  at += nValues! * 2;
  const gazKeys = undeltas(new Uint32Array(bytes.buffer.slice(at, at + nGaz! * 4)));
  at += nGaz! * 4;
  const gazMasks = bytes.subarray(at, at + nGaz!);
  at += nGaz!;
  at += (4 - (at % 4)) % 4;
  const clusterKeys = undeltas(u32(at, nClusters!));
  at += nClusters! * 4;
  const clusterIds = u32(at, nClusters!);
  at += nClusters! * 4;
  // Models written before the distributional classes end here.
  const dist = at < bytes.length ? readWordClusters(bytes, at) : { keys: new Uint32Array(0), ids: new Uint16Array(0) };
  return {
    keys,
    masks,
    values,
    scale: scale!,
    transitions,
    names: NameTable.fromArrays(gazKeys, gazMasks),
    wordClasses: NameTable.fromArrays(clusterKeys, clusterIds),
    distClasses: NameTable.fromArrays(dist.keys, dist.ids),
  };
}

export const DEFAULT_MODEL_PATH = join(modelsDir(), 'ner.bin.gz');
let cached: NerModel | null = null;

/** Loads the tagger (the default model is loaded once and shared). */
export function loadNerModel(path: string = DEFAULT_MODEL_PATH): NerModel {
  if (path === DEFAULT_MODEL_PATH && cached) return cached;
  const model = new NerModel(decodeModel(gunzipSync(readFileSync(path))));
  if (path === DEFAULT_MODEL_PATH) cached = model;
  return model;
}
