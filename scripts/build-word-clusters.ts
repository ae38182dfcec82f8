// Distributional word classes for the entity tagger, from unlabelled English text: the words of the
// CoNLL-2003 training split (its labels unused) and the UD English Web Treebank (train and dev).
// Each word seen MIN_COUNT times is a vector of its left and right neighbours among the CONTEXTS
// most frequent words (log counts, unit length); spherical k-means (cosine) groups the vectors at two
// granularities. Words that share a class share weights, so a word the labelled data never showed
// ('Trondheim') borrows what its distributional kin taught. Deterministic: fixed initialisation
// (the most frequent words) and a fixed number of iterations, so a rerun writes the same bytes.
// Output: models/word-clusters.bin.gz, word hashes (normalised as the tagger normalises) and class
// ids only; no text of the sources ships. Run: npx vite-node scripts/build-word-clusters.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchDir, modelsDir } from '../src/paths.js';
import { hashString } from '../src/entities/ner/hash.js';
import { normaliseToken } from '../src/entities/ner/gazetteer.js';
import { encodeWordClusters, COARSE, FINE } from '../src/entities/ner/clusters.js';

const MIN_COUNT = 3;
const CONTEXTS = 600;
const ITERATIONS = 12;

/** Sentences of unlabelled text, as token lists. */
function sentences(): string[][] {
  const out: string[][] = [];
  for (const line of readFileSync(join(benchDir('ner'), 'conll2003', 'train.jsonl'), 'utf8').split('\n')) {
    if (line) out.push((JSON.parse(line) as { tokens: string[] }).tokens);
  }
  for (const file of ['train.conllu', 'dev.conllu']) {
    let cur: string[] = [];
    for (const line of readFileSync(join(benchDir('syntax'), 'ud-ewt', file), 'utf8').split('\n')) {
      if (!line.trim()) {
        if (cur.length) out.push(cur);
        cur = [];
        continue;
      }
      if (line.startsWith('#')) continue;
      const cols = line.split('\t');
      if (/^\d+$/.test(cols[0]!)) cur.push(cols[1]!); // skip multi-word ranges and empty nodes
    }
    if (cur.length) out.push(cur);
  }
  return out;
}

/** Spherical k-means over sparse unit vectors, centroids initialised from the first k vectors. */
function kmeans(vectors: { idx: Int32Array; val: Float32Array }[], dims: number, k: number): Uint16Array {
  const cent = new Float32Array(k * dims);
  for (let c = 0; c < k; c++) {
    const v = vectors[c]!;
    for (let j = 0; j < v.idx.length; j++) cent[c * dims + v.idx[j]!] = v.val[j]!;
  }
  const assign = new Uint16Array(vectors.length);
  for (let it = 0; it < ITERATIONS; it++) {
    for (let i = 0; i < vectors.length; i++) {
      const v = vectors[i]!;
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = 0;
        const base = c * dims;
        for (let j = 0; j < v.idx.length; j++) s += cent[base + v.idx[j]!]! * v.val[j]!;
        if (s > bestScore) [best, bestScore] = [c, s];
      }
      assign[i] = best;
    }
    cent.fill(0);
    for (let i = 0; i < vectors.length; i++) {
      const v = vectors[i]!;
      const base = assign[i]! * dims;
      for (let j = 0; j < v.idx.length; j++) cent[base + v.idx[j]!]! += v.val[j]!;
    }
    for (let c = 0; c < k; c++) {
      let n = 0;
      for (let d = 0; d < dims; d++) n += cent[c * dims + d]! ** 2;
      n = Math.sqrt(n) || 1;
      for (let d = 0; d < dims; d++) cent[c * dims + d]! /= n;
    }
  }
  return assign;
}

function main(): void {
  const text = sentences();
  const counts = new Map<string, number>();
  for (const s of text) for (const w of s) counts.set(normaliseToken(w), (counts.get(normaliseToken(w)) ?? 0) + 1);
  const byFreq = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const contextOf = new Map(byFreq.slice(0, CONTEXTS).map(([w], i) => [w, i]));
  const vocab = byFreq.filter(([, n]) => n >= MIN_COUNT).map(([w]) => w);
  const row = new Map(vocab.map((w, i) => [w, i]));
  const ctx = vocab.map(() => new Map<number, number>());
  const BOUNDARY = CONTEXTS; // sentence edge, on either side
  const dims = 2 * (CONTEXTS + 1);
  for (const s of text) {
    const ws = s.map(normaliseToken);
    for (let i = 0; i < ws.length; i++) {
      const r = row.get(ws[i]!);
      if (r === undefined) continue;
      const left = i > 0 ? (contextOf.get(ws[i - 1]!) ?? -1) : BOUNDARY;
      const right = i + 1 < ws.length ? (contextOf.get(ws[i + 1]!) ?? -1) : BOUNDARY;
      const m = ctx[r]!;
      if (left >= 0) m.set(left, (m.get(left) ?? 0) + 1);
      if (right >= 0) m.set(CONTEXTS + 1 + right, (m.get(CONTEXTS + 1 + right) ?? 0) + 1);
    }
  }
  const vectors = ctx.map((m) => {
    const entries = [...m].sort((a, b) => a[0] - b[0]);
    const val = Float32Array.from(entries, ([, c]) => Math.log1p(c));
    const norm = Math.sqrt(val.reduce((s, v) => s + v * v, 0)) || 1;
    for (let j = 0; j < val.length; j++) val[j]! /= norm;
    return { idx: Int32Array.from(entries, ([d]) => d), val };
  });
  const coarse = kmeans(vectors, dims, COARSE);
  const fine = kmeans(vectors, dims, FINE);
  const classes = new Map<number, number>();
  vocab.forEach((w, i) => classes.set(hashString(w), coarse[i]! * FINE + fine[i]! + 1));
  const out = join(modelsDir(), 'word-clusters.bin.gz');
  const bytes = gzipSync(encodeWordClusters(classes), { level: 9 });
  writeFileSync(out, bytes);
  console.error(`${text.length} sentences, ${vocab.length} words in ${COARSE} and ${FINE} classes; wrote ${out} (${(bytes.length / 1024).toFixed(0)} KB)`);
}

main();
