// Part-of-speech tagger: greedy left to right, averaged perceptron over hashed features of the
// word, its affixes and shape, the two words either side and the two tags before.
import { key1, key2, key3 } from './hash.js';
import type { WordInfo } from './word-info.js';

export const UPOS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'] as const;
export const UPOS_INDEX = new Map<string, number>(UPOS.map((t, i) => [t, i]));

export interface Scorer {
  readonly classes: number;
  score(keys: Int32Array, n: number, scores: Float32Array): void;
}

const NONE = 0x5a5a5a5;
const START_TAG = 100;

/** Lower-cased word hash -> bit set of the tags it had in training (its 'ambiguity class'). */
export type TagLexicon = Map<number, number>;

/** The ambiguity class of every word of a sentence (0 for a word never seen). */
export function ambiguityClasses(info: WordInfo, lex: TagLexicon): Int32Array {
  const out = new Int32Array(info.n);
  for (let i = 0; i < info.n; i++) out[i] = lex.get(info.lower[i]!) ?? 0;
  return out;
}

/** Fills keys with the features of word i given the tags already chosen; returns how many. */
export function taggerFeatures(info: WordInfo, amb: Int32Array, i: number, tags: ArrayLike<number>, keys: Int32Array): number {
  const n = info.n;
  const L = info.lower;
  const w0 = L[i]!;
  const wm1 = i > 0 ? L[i - 1]! : NONE;
  const wm2 = i > 1 ? L[i - 2]! : NONE;
  const wp1 = i + 1 < n ? L[i + 1]! : NONE;
  const wp2 = i + 2 < n ? L[i + 2]! : NONE;
  const t1 = i > 0 ? tags[i - 1]! : START_TAG;
  const t2 = i > 1 ? tags[i - 2]! : START_TAG;
  const s3 = info.suf[2]!;
  let k = 0;
  keys[k++] = key1(1, 0);
  keys[k++] = key1(2, w0);
  keys[k++] = key1(3, info.form[i]!);
  for (let j = 0; j < 4; j++) keys[k++] = key1(4 + j, info.suf[j]![i]!);
  for (let j = 0; j < 3; j++) keys[k++] = key1(8 + j, info.pre[j]![i]!);
  keys[k++] = key1(11, info.shape[i]!);
  keys[k++] = key2(12, info.flags[i]!, i === 0 ? 1 : 0);
  keys[k++] = key1(13, t1);
  keys[k++] = key2(14, t1, t2);
  keys[k++] = key2(15, t1, w0);
  keys[k++] = key1(16, wm1);
  keys[k++] = key1(17, wm2);
  keys[k++] = key1(18, wp1);
  keys[k++] = key1(19, wp2);
  keys[k++] = key1(20, i > 0 ? s3[i - 1]! : NONE);
  keys[k++] = key1(21, i + 1 < n ? s3[i + 1]! : NONE);
  keys[k++] = key2(22, wm1, w0);
  keys[k++] = key2(23, w0, wp1);
  keys[k++] = key2(24, t1, wp1);
  keys[k++] = key2(25, t1, s3[i]!);
  keys[k++] = key3(26, i > 0 ? info.shape[i - 1]! : NONE, info.shape[i]!, i + 1 < n ? info.shape[i + 1]! : NONE);
  keys[k++] = key2(27, i + 1 < n ? info.suf[1]![i + 1]! : NONE, w0);
  keys[k++] = key2(28, info.flags[i]!, t1);
  // The tags the words ahead could take: what a left-to-right tagger cannot see otherwise.
  const a0 = amb[i]!, ap1 = i + 1 < n ? amb[i + 1]! : NONE, ap2 = i + 2 < n ? amb[i + 2]! : NONE;
  keys[k++] = key1(29, a0);
  keys[k++] = key1(30, ap1);
  keys[k++] = key1(31, ap2);
  keys[k++] = key2(32, a0, ap1);
  keys[k++] = key2(33, t1, a0);
  keys[k++] = key3(34, t1, a0, ap1);
  keys[k++] = key2(35, w0, ap1);
  return k;
}

export function argmax(scores: Float32Array, n: number): number {
  let best = 0;
  for (let c = 1; c < n; c++) if (scores[c]! > scores[best]!) best = c;
  return best;
}

/** Tags a sentence; returns UPOS indices. */
export function tagSentence(w: Scorer, lex: TagLexicon, info: WordInfo): Int32Array {
  const tags = new Int32Array(info.n);
  const amb = ambiguityClasses(info, lex);
  const keys = new Int32Array(64);
  const scores = new Float32Array(w.classes);
  for (let i = 0; i < info.n; i++) {
    const k = taggerFeatures(info, amb, i, tags, keys);
    w.score(keys, k, scores);
    tags[i] = argmax(scores, w.classes);
  }
  return tags;
}
