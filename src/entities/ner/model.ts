// The entity tagger: an averaged perceptron over the token features, decoding left to right with
// the BIO constraint (I-X only after B-X or I-X). Greedy decoding keeps it linear and fast; the
// document memory feature recovers much of what a global model would add.
// Written here rather than taken from npm: the JS NER packages are either rule lists or wrappers
// around remote services, and none trains on CoNLL data with features of our choosing.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { modelsDir } from '../../paths.js';
import { sentenceContext, tokenFeatures, type Gazetteer } from './features.js';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];
const T = TAGS.length;

export interface NerModelData {
  version: 1;
  tags: string[];
  /** Quantised weights: feature -> [tag index, weight × scale, …]. */
  weights: Record<string, number[]>;
  scale: number;
  gazetteer: [string, string][];
}

/** Whether tag b may follow tag a. */
export function allowed(a: string, b: string): boolean {
  if (!b.startsWith('I-')) return true;
  const type = b.slice(2);
  return a === `B-${type}` || a === `I-${type}`;
}

export class NerModel {
  constructor(
    readonly weights: Map<string, Float32Array>,
    readonly gazetteer: Gazetteer,
  ) {}

  static fromData(d: NerModelData): NerModel {
    const w = new Map<string, Float32Array>();
    for (const [f, pairs] of Object.entries(d.weights)) {
      const v = new Float32Array(T);
      for (let k = 0; k < pairs.length; k += 2) v[pairs[k]!] = pairs[k + 1]! / d.scale;
      w.set(f, v);
    }
    return new NerModel(w, { tokenTypes: new Map(d.gazetteer) });
  }

  /** Tags the sentences of one document in order (the document memory links them). */
  tagDocument(sentences: string[][]): Tag[][] {
    const memory = new Map<string, string>();
    return sentences.map((tokens) => this.tagSentence(tokens, memory));
  }

  tagSentence(tokens: string[], memory = new Map<string, string>()): Tag[] {
    const ctx = sentenceContext(tokens);
    const out: Tag[] = [];
    const scores = new Float32Array(T);
    for (let i = 0; i < tokens.length; i++) {
      const prev = i > 0 ? out[i - 1]! : '<s>';
      const prev2 = i > 1 ? out[i - 2]! : '<s>';
      scores.fill(0);
      for (const f of tokenFeatures(ctx, i, prev, prev2, this.gazetteer, memory)) {
        const v = this.weights.get(f);
        if (v) for (let t = 0; t < T; t++) scores[t]! += v[t]!;
      }
      let best = 0;
      let bestScore = -Infinity;
      for (let t = 0; t < T; t++) {
        if (!allowed(prev, TAGS[t]!)) continue;
        if (scores[t]! > bestScore) [best, bestScore] = [t, scores[t]!];
      }
      out.push(TAGS[best]!);
    }
    remember(ctx.tokens, ctx.lower, out, memory);
    return out;
  }
}

/** Remembers the types given to capitalised words, for later sentences of the same document. */
export function remember(tokens: string[], lower: string[], tags: string[], memory: Map<string, string>): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tags[i]!;
    if (t !== 'O' && /^[A-Z]/.test(tokens[i]!)) memory.set(lower[i]!, t.slice(2));
  }
}

let cached: NerModel | null = null;

export const DEFAULT_MODEL = 'ner.json.gz';

export function loadNerModel(path = join(modelsDir(), DEFAULT_MODEL)): NerModel {
  if (cached && path === join(modelsDir(), DEFAULT_MODEL)) return cached;
  const data = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as NerModelData;
  const m = NerModel.fromData(data);
  if (path === join(modelsDir(), DEFAULT_MODEL)) cached = m;
  return m;
}
