// Features of every token of a document, as 32-bit keys: the word and its neighbours (±2), spelling
// shapes, affixes, sentence position, upper-case headlines, runs of capitalised words, label-free word
// classes, name lists (whole names and tokens of names), how the same word is written elsewhere in
// the document and the document's first word; in the second pass, the types and names the first
// pass found elsewhere in the document.
import { hashString, mix, mix3 } from './hash.js';
import { clusterPrefix } from './clusters.js';
import { MAX_NAME_TOKENS, normaliseToken, SPAN_SEED, spanKey, tokenKey, type NameLookup } from './gazetteer.js';

// Template ids: their values go into the hashes, so reordering or removing one invalidates trained
// models (Reserved is a retired slot kept so the later values stay put).
const enum F {
  Bias = 1, Word, Lower, Shape, Short, Pre, Suf, LowerAt, ShortAt, LowerPair, ShortPair, ShortTri, First, CapsLower, CapsShort,
  NameSpan, NameSpanShort, NameToken, NameTokenAt, DocFlags, DocPred, DocPredShort, WordClass, WordClassAt, Reserved, Topic, DocName, CapRun,
  Dist, DistAt,
}

export interface SentenceInfo {
  words: string[];
  /** Lower-cased, digits as 0. */
  lowerText: string[];
  lower: Uint32Array;
  short: Uint32Array;
  shape: Uint32Array;
  /** Spelling bits per token (see the K_ constants). */
  kind: Uint8Array;
  allCaps: boolean;
}

export const K_HAS_UPPER = 1;
export const K_STARTS_UPPER = 2;
export const K_ALL_LOWER = 4;
export const K_TITLE = 8;
export const K_ACRONYM = 16;
const K_HAS_LETTER = 32;
const K_NO_LOWER = 64;
/** No ASCII letter or digit and nothing outside ASCII: punctuation or symbols only. */
export const K_SYMBOLS = 128;

const X = 88; // 'X'
const x = 120; // 'x'
const D = 100; // 'd'

/** The class of one UTF-16 unit for word shapes: X, x, d, or the character itself. */
function shapeClass(code: number, ch: string): number {
  if (code >= 65 && code <= 90) return X;
  if (code >= 97 && code <= 122) return x;
  if (code >= 48 && code <= 57) return D;
  if (code < 128) return code;
  return /\p{Lu}/u.test(ch) ? X : /\p{L}/u.test(ch) ? x : code;
}

/** Spelling bits of a word, from one scan. */
function kindOf(w: string): number {
  let upper = 0;
  let lower = 0;
  let other = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if ((c >= 48 && c <= 57) || c >= 128) other++;
  }
  const c0 = w.charCodeAt(0);
  const c1 = w.charCodeAt(1);
  let k = 0;
  if (upper) k |= K_HAS_UPPER;
  if (upper + lower) k |= K_HAS_LETTER;
  if (c0 >= 65 && c0 <= 90) k |= K_STARTS_UPPER;
  if (lower === w.length && lower > 0) k |= K_ALL_LOWER;
  if (c0 >= 65 && c0 <= 90 && c1 >= 97 && c1 <= 122) k |= K_TITLE;
  if (upper === w.length && upper >= 2) k |= K_ACRONYM;
  if (w === w.toUpperCase()) k |= K_NO_LOWER;
  if (upper + lower + other === 0) k |= K_SYMBOLS;
  return k;
}

export function sentenceInfo(words: string[]): SentenceInfo {
  const n = words.length;
  const lower = new Uint32Array(n);
  const short = new Uint32Array(n);
  const shape = new Uint32Array(n);
  const kind = new Uint8Array(n);
  const lowerText = words.map(normaliseToken);
  let letters = 0;
  let caps = 0;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    lower[i] = hashString(lowerText[i]!);
    // FNV-1a over the shape strings, without building them: runs capped at 4 (shape) and 1 (short).
    let hl = 0x811c9dc5;
    let hs = 0x811c9dc5;
    let last = -1;
    let run = 0;
    for (let j = 0; j < w.length; j++) {
      const c = shapeClass(w.charCodeAt(j), w[j]!);
      run = c === last ? run + 1 : 1;
      last = c;
      if (run <= 4) hl = Math.imul(hl ^ c, 0x01000193);
      if (run === 1) hs = Math.imul(hs ^ c, 0x01000193);
    }
    shape[i] = hl >>> 0;
    short[i] = hs >>> 0;
    const k = kindOf(w);
    kind[i] = k;
    if (k & K_HAS_LETTER) {
      letters++;
      if (k & K_NO_LOWER) caps++;
    }
  }
  return { words, lowerText, lower, short, shape, kind, allCaps: letters >= 3 && caps / letters > 0.8 };
}

/** What features know about the whole document. */
export interface DocumentContext {
  /** How each word (lower-cased hash) is written across the body text: bit 1 lower case, 2 title case mid-sentence, 4 all caps. */
  flags: Map<number, number>;
  /** The document's first word (a rough topic: news headers such as 'SOCCER -' or a dateline). */
  topic: number;
}

export function documentContext(sentences: SentenceInfo[]): DocumentContext {
  return { flags: documentFlags(sentences), topic: sentences[0]?.lower[0] ?? 0 };
}

function documentFlags(sentences: SentenceInfo[]): Map<number, number> {
  const flags = new Map<number, number>();
  for (const s of sentences) {
    if (s.allCaps) continue;
    for (let i = 0; i < s.words.length; i++) {
      const k = s.kind[i]!;
      let f = 0;
      if (k & K_ALL_LOWER) f = 1;
      else if (i > 0 && k & K_TITLE) f = 2;
      else if (k & K_ACRONYM) f = 4;
      if (f) flags.set(s.lower[i]!, (flags.get(s.lower[i]!) ?? 0) | f);
    }
  }
  return flags;
}

function put(out: (number[] | undefined)[], k: number, code: number): void {
  (out[k] ??= []).push(code);
}

/** Name-list matches covering each token: per token, codes of (type, B/I/L/U) found. */
function nameMatches(s: SentenceInfo, gaz: NameLookup, out: (number[] | undefined)[]): void {
  const n = s.words.length;
  for (let i = 0; i < n; i++) {
    const limit = Math.min(n, i + MAX_NAME_TOKENS);
    let h = SPAN_SEED;
    for (let j = i + 1; j <= limit; j++) {
      h = mix(h, s.lower[j - 1]!); // the same fold as spanKey(s.lower, i, j)
      const mask = gaz.get(h);
      if (!mask) continue;
      for (let t = 0; t < 4; t++) {
        if (!(mask & (1 << t))) continue;
        if (j - i === 1) put(out, i, t * 4 + 3);
        else {
          put(out, i, t * 4);
          for (let k = i + 1; k < j - 1; k++) put(out, k, t * 4 + 1);
          put(out, j - 1, t * 4 + 2);
        }
      }
    }
  }
}

/** Per token, its place in a run of capitalised words: 1 + (position B/I/L/U) × 8 + run length (up to 5); 0 outside runs. */
function capitalRuns(s: SentenceInfo): Uint8Array {
  const n = s.words.length;
  const out = new Uint8Array(n);
  let i = 0;
  while (i < n) {
    if (!(s.kind[i]! & K_STARTS_UPPER)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && s.kind[j]! & K_STARTS_UPPER) j++;
    const len = Math.min(j - i, 5);
    for (let k = i; k < j; k++) out[k] = 1 + (j - i === 1 ? 3 : k === i ? 0 : k === j - 1 ? 2 : 1) * 8 + len;
    i = j;
  }
  return out;
}

const BOS = hashString('<s>');
const EOS = hashString('</s>');

/** Static features of one sentence, flat, with token offsets (offsets[i]..offsets[i+1]). */
export interface SentenceFeatures {
  keys: ArrayLike<number>;
  offsets: Uint32Array;
}

/** A growable buffer of 32-bit keys, reused from sentence to sentence so that tagging allocates little. */
export class KeyBuffer {
  data = new Uint32Array(4096);
  length = 0;
  /** The feature group of each key (see G_WORD, G_NAMES), kept only when training asks for it. */
  groups: Uint8Array | null = null;

  constructor(withGroups = false) {
    if (withGroups) this.groups = new Uint8Array(this.data.length);
  }

  push(k: number, group = 0): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
      if (this.groups) {
        const g = new Uint8Array(grown.length);
        g.set(this.groups);
        this.groups = g;
      }
    }
    if (this.groups) this.groups[this.length] = group;
    this.data[this.length++] = k;
  }
}

/**
 * Feature groups that training drops together for a token, so that the model also learns to tag
 * without them: the word's own identity (it is unknown on new text) and the name lists (they miss
 * most names of new text).
 */
export const G_WORD = 1;
export const G_NAMES = 2;

export function sentenceFeatures(s: SentenceInfo, gaz: NameLookup, doc: DocumentContext, wordClass: NameLookup, dist: NameLookup): SentenceFeatures & { groups: Uint8Array } {
  const buf = new KeyBuffer(true);
  const offsets = sentenceFeaturesInto(s, gaz, doc, wordClass, dist, buf);
  return { keys: buf.data.slice(0, buf.length), offsets, groups: buf.groups!.slice(0, buf.length) };
}

/** The keys of sentenceFeatures, written into `keys` (cleared first); returns the token offsets into it. */
export function sentenceFeaturesInto(s: SentenceInfo, gaz: NameLookup, doc: DocumentContext, wordClass: NameLookup, dist: NameLookup, keys: KeyBuffer): Uint32Array {
  const n = s.words.length;
  keys.length = 0;
  const offsets = new Uint32Array(n + 1);
  const matches: (number[] | undefined)[] = new Array<number[] | undefined>(n);
  nameMatches(s, gaz, matches);
  const at = (a: Uint32Array, i: number) => (i < 0 ? BOS : i >= n ? EOS : a[i]!);
  const classAt = (i: number) => (i < 0 || i >= n ? 0 : (wordClass.get(s.lower[i]!) ?? 1));
  // Distributional classes (0: none).
  const distAt = (i: number) => (i < 0 || i >= n ? 0 : (dist.get(s.lower[i]!) ?? 0));
  const caps = s.allCaps ? 1 : 0;
  const runs = capitalRuns(s);
  for (let i = 0; i < n; i++) {
    offsets[i] = keys.length;
    const w = s.words[i]!;
    const lw = s.lowerText[i]!;
    const l = s.lower[i]!;
    const sh = s.short[i]!;
    keys.push(F.Bias);
    keys.push(mix(F.Word, hashString(w)), G_WORD);
    keys.push(mix(F.Lower, l), G_WORD);
    keys.push(mix(F.Shape, s.shape[i]!));
    keys.push(mix(F.Short, sh));
    // Prefix and suffix hashes are the running FNV states, forwards and backwards.
    const len = lw.length;
    let hp = 0x811c9dc5;
    let hs = 0x811c9dc5;
    for (let k = 1; k <= 4 && k <= len; k++) {
      hp = Math.imul(hp ^ lw.charCodeAt(k - 1), 0x01000193);
      hs = Math.imul(hs ^ lw.charCodeAt(len - k), 0x01000193);
      keys.push(mix3(F.Pre, k, hp >>> 0));
      keys.push(mix3(F.Suf, k, hs >>> 0));
    }
    for (let d = -2; d <= 2; d++) if (d) keys.push(mix3(F.LowerAt, d, at(s.lower, i + d)));
    for (let d = -2; d <= 2; d++) if (d) keys.push(mix3(F.ShortAt, d, at(s.short, i + d)));
    keys.push(mix3(F.LowerPair, at(s.lower, i - 1), l), G_WORD);
    keys.push(mix3(F.LowerPair + 100, l, at(s.lower, i + 1)), G_WORD);
    keys.push(mix3(F.ShortPair, at(s.short, i - 1), sh));
    keys.push(mix3(F.ShortPair + 100, sh, at(s.short, i + 1)));
    keys.push(mix3(F.ShortTri, mix(at(s.short, i - 1), sh), at(s.short, i + 1)));
    keys.push(mix3(F.LowerPair + 200, at(s.lower, i - 1), sh));
    keys.push(mix3(F.LowerPair + 300, sh, at(s.lower, i + 1)));
    if (i === 0) keys.push(mix(F.First, sh));
    if (caps) {
      keys.push(mix(F.CapsLower, l), G_WORD);
      keys.push(mix(F.CapsShort, sh));
    }
    const c = classAt(i);
    if (c) {
      keys.push(mix3(F.WordClass, c, caps));
      keys.push(mix3(F.WordClassAt, c, sh));
    }
    keys.push(mix3(F.WordClassAt + 100, classAt(i - 1), -1));
    keys.push(mix3(F.WordClassAt + 100, classAt(i + 1), 1));
    const ms = matches[i];
    if (ms) {
      for (const m of ms) {
        keys.push(mix(F.NameSpan, m), G_NAMES);
        keys.push(mix3(F.NameSpanShort, m, caps), G_NAMES);
      }
    }
    const tm = gaz.get(tokenKey(l));
    if (tm) {
      keys.push(mix(F.NameToken, tm), G_NAMES);
      keys.push(mix3(F.NameToken + 100, tm, sh), G_NAMES);
      keys.push(mix3(F.Topic, doc.topic, tm), G_NAMES);
    }
    if (s.kind[i]! & K_STARTS_UPPER) keys.push(mix3(F.Topic + 100, doc.topic, l), G_WORD);
    const tp = i > 0 ? gaz.get(tokenKey(s.lower[i - 1]!)) : undefined;
    if (tp) keys.push(mix3(F.NameTokenAt, -1, tp), G_NAMES);
    const tn = i + 1 < n ? gaz.get(tokenKey(s.lower[i + 1]!)) : undefined;
    if (tn) keys.push(mix3(F.NameTokenAt, 1, tn), G_NAMES);
    if (runs[i]) {
      keys.push(mix3(F.CapRun, runs[i]!, caps));
      keys.push(mix3(F.CapRun + 100, runs[i]!, l), G_WORD);
    }
    // Distributional classes: the leaf, and its prefixes at three lengths (coarser classes generalise
    // to more unseen words, finer ones keep more of what the word's contexts say).
    const dc = distAt(i);
    if (dc) {
      keys.push(mix3(F.Dist, dc, caps));
      keys.push(mix3(F.Dist + 100, clusterPrefix(dc, 1), sh));
      keys.push(mix3(F.Dist + 200, clusterPrefix(dc, 0), sh));
      keys.push(mix3(F.Dist + 300, clusterPrefix(dc, 2), caps));
    }
    keys.push(mix3(F.DistAt, clusterPrefix(distAt(i - 1), 1), -1));
    keys.push(mix3(F.DistAt, clusterPrefix(distAt(i + 1), 1), 1));
    keys.push(mix3(F.DistAt + 100, clusterPrefix(distAt(i - 1), 0), mix(clusterPrefix(dc, 0), sh)));
    const df = doc.flags.get(l) ?? 0;
    keys.push(mix3(F.DocFlags, df, mix(sh, caps)));
  }
  offsets[n] = keys.length;
  return offsets;
}

/** Counts of first-pass types per word over a document: word hash -> counts [O, PER, ORG, LOC, MISC]. */
export function documentPredictions(sentences: SentenceInfo[], types: Int8Array[]): Map<number, Uint16Array> {
  const counts = new Map<number, Uint16Array>();
  sentences.forEach((s, si) => {
    for (let i = 0; i < s.words.length; i++) {
      if (!(s.kind[i]! & K_HAS_UPPER)) continue;
      let c = counts.get(s.lower[i]!);
      if (!c) counts.set(s.lower[i]!, (c = new Uint16Array(5)));
      c[types[si]![i]! + 1]!++;
    }
  });
  return counts;
}

/** Second-pass keys for token i: the majority first-pass type of the same word elsewhere in the document. */
export function predictionKeys(s: SentenceInfo, i: number, ownType: number, counts: Map<number, Uint16Array>, out: number[]): void {
  if (!(s.kind[i]! & K_HAS_UPPER)) return;
  const c = counts.get(s.lower[i]!);
  if (!c) return;
  let best = -1;
  let bestN = 0;
  let total = 0;
  let seen = 0;
  for (let t = 0; t < 5; t++) {
    const k = c[t]! - (t === ownType + 1 ? 1 : 0);
    total += k;
    if (k > 0) seen |= 1 << t;
    if (k > bestN) [best, bestN] = [t, k];
  }
  if (best < 0) return;
  const share = bestN === total ? 2 : 1;
  out.push(mix3(F.DocPred, best, share), mix3(F.DocPredShort, best, mix(s.short[i]!, s.allCaps ? 1 : 0)), mix3(F.DocPred + 100, seen, s.short[i]!));
}

/** Names found by the first pass over a document: span hash -> counts per type. */
export function documentNames(sentences: SentenceInfo[], tags: Int8Array[]): Map<number, Uint16Array> {
  const names = new Map<number, Uint16Array>();
  sentences.forEach((s, si) => forEachEntity(tags[si]!, (start, end, type) => {
    const k = spanKey(s.lower, start, end);
    let c = names.get(k);
    if (!c) names.set(k, (c = new Uint16Array(4)));
    c[type]!++;
  }));
  return names;
}

/** Entities of a BILOU index sequence (B..L or U). */
function forEachEntity(tags: Int8Array, visit: (start: number, end: number, type: number) => void): void {
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === 0) continue;
    const part = (t - 1) & 3;
    if (part === 3) visit(i, i + 1, (t - 1) >> 2);
    else if (part === 0) {
      let j = i + 1;
      while (j < tags.length && ((tags[j]! - 1) & 3) === 1) j++;
      if (j < tags.length) visit(i, j + 1, (t - 1) >> 2);
      i = j;
    }
  }
}

/**
 * Second-pass keys of every token of a sentence: the first-pass type of the same word elsewhere in
 * the document, and first-pass names elsewhere in the document that cover this token here.
 */
export function secondPassKeys(s: SentenceInfo, firstTags: Int8Array, counts: Map<number, Uint16Array>, names: Map<number, Uint16Array>): number[][] {
  const n = s.words.length;
  const out: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    const t = firstTags[i]!;
    predictionKeys(s, i, t === 0 ? -1 : (t - 1) >> 2, counts, out[i]!);
  }
  const own = new Map<number, number>();
  forEachEntity(firstTags, (start, end, type) => own.set(start * 64 + end, type));
  for (let i = 0; i < n; i++) {
    if (!(s.kind[i]! & K_HAS_UPPER)) continue;
    const limit = Math.min(n, i + MAX_NAME_TOKENS);
    let h = SPAN_SEED;
    for (let j = i + 1; j <= limit; j++) {
      h = mix(h, s.lower[j - 1]!);
      const c = names.get(h);
      if (!c) continue;
      const mine = own.get(i * 64 + j) ?? -1;
      for (let type = 0; type < 4; type++) {
        if (c[type]! - (type === mine ? 1 : 0) <= 0) continue;
        const code = (j - i === 1 ? 3 : 0) + type * 4;
        out[i]!.push(mix(F.DocName, code));
        if (j - i > 1) {
          for (let k = i + 1; k < j - 1; k++) out[k]!.push(mix(F.DocName, type * 4 + 1));
          out[j - 1]!.push(mix(F.DocName, type * 4 + 2));
        }
      }
    }
  }
  return out;
}
