// Per-sentence word hashes computed once and read by the tagger and the parser features.
import { hashRange } from './hash.js';

export interface WordInfo {
  n: number;
  form: Int32Array;
  lower: Int32Array;
  shape: Int32Array;
  /** suffixes of length 1-4 and prefixes of length 1-3 of the lower-cased word. */
  suf: Int32Array[];
  pre: Int32Array[];
  /** 1: contains a digit, 2: a hyphen, 4: starts upper-case, 8: all upper-case letters. */
  flags: Int32Array;
}

/** Word shape with runs collapsed: 'McCain' -> 'XxXx', '1,200' -> 'd,d'. */
function shapeHash(w: string): number {
  let h = 0x811c9dc5;
  let prev = -1;
  for (let i = 0; i < w.length && i < 24; i++) {
    const c = w.charCodeAt(i);
    const k = c >= 65 && c <= 90 ? 88 : c >= 97 && c <= 122 ? 120 : c >= 48 && c <= 57 ? 100 : c > 127 ? (w[i]!.toLowerCase() !== w[i] ? 88 : w[i]!.toUpperCase() !== w[i] ? 120 : c) : c;
    if (k === prev) continue;
    prev = k;
    h = Math.imul(h ^ k, 0x01000193);
  }
  return h | 0;
}

export function wordInfo(words: readonly string[]): WordInfo {
  const n = words.length;
  const info: WordInfo = {
    n,
    form: new Int32Array(n),
    lower: new Int32Array(n),
    shape: new Int32Array(n),
    suf: [1, 2, 3, 4].map(() => new Int32Array(n)),
    pre: [1, 2, 3].map(() => new Int32Array(n)),
    flags: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const l = w.toLowerCase();
    const len = l.length;
    info.form[i] = hashRange(w, 0, w.length, false);
    info.lower[i] = hashRange(l, 0, len, false);
    info.shape[i] = shapeHash(w);
    for (let k = 1; k <= 4; k++) info.suf[k - 1]![i] = hashRange(l, Math.max(0, len - k), len, false);
    for (let k = 1; k <= 3; k++) info.pre[k - 1]![i] = hashRange(l, 0, Math.min(len, k), false);
    let f = 0;
    if (/\d/.test(w)) f |= 1;
    if (w.includes('-')) f |= 2;
    if (w !== l) f |= 4;
    if (w === w.toUpperCase() && w !== l) f |= 8;
    info.flags[i] = f;
  }
  return info;
}
