// Trains the entity tagger on CoNLL-2003 train and writes models/ner.json.gz; prints dev F1.
// Deterministic: fixed document order shuffled by a seeded generator, fixed epochs.
// Run: npm run train:ner  (reads ../shared/bench/ner/conll2003; the data is research-only: the
// weights are ours to ship, the text is not copied anywhere).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchDir, modelsDir } from '../src/paths.js';
import { sentenceContext, tokenFeatures, type Gazetteer } from '../src/entities/ner/features.js';
import { allowed, NerModel, remember, TAGS, type NerModelData } from '../src/entities/ner/model.js';
import { countryTables } from '../src/entities/countries.js';
import { scoreSentences, readConll } from '../src/bench/ner-score.js';

const EPOCHS = Number(process.env.NER_EPOCHS ?? 8);
const PRUNE = Number(process.env.NER_PRUNE ?? 0.02);
const SCALE = 1000;
const T = TAGS.length;

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Token -> entity type, for tokens that mostly occur inside entities of one type, plus country tables. */
function buildGazetteer(docs: { tokens: string[]; tags: string[] }[][]): Map<string, string> {
  const inType = new Map<string, Map<string, number>>();
  const total = new Map<string, number>();
  for (const doc of docs)
    for (const s of doc)
      s.tokens.forEach((w, i) => {
        const l = w.toLowerCase();
        total.set(l, (total.get(l) ?? 0) + 1);
        const tag = s.tags[i]!;
        if (tag === 'O') return;
        const m = inType.get(l) ?? new Map<string, number>();
        m.set(tag.slice(2), (m.get(tag.slice(2)) ?? 0) + 1);
        inType.set(l, m);
      });
  const gaz = new Map<string, string>();
  for (const [l, m] of inType) {
    const [type, n] = [...m.entries()].sort((a, b) => b[1] - a[1])[0]!;
    if (n >= 3 && n / (total.get(l) ?? 1) >= 0.6) gaz.set(l, type);
  }
  const c = countryTables();
  for (const { name } of c.countries()) for (const w of name.toLowerCase().split(/\s+/)) if (!gaz.has(w) && w.length > 3) gaz.set(w, 'LOC');
  return gaz;
}

function main(): void {
  const dir = join(benchDir('ner'), 'conll2003');
  const train = readConll(join(dir, 'train.jsonl'));
  const dev = readConll(join(dir, 'testa.jsonl'));
  const gazetteer: Gazetteer = { tokenTypes: buildGazetteer(train) };
  const w = new Map<string, Float64Array>();
  const u = new Map<string, Float64Array>();
  let c = 1;
  const update = (feats: string[], tag: number, delta: number) => {
    for (const f of feats) {
      let wv = w.get(f);
      let uv = u.get(f);
      if (!wv || !uv) {
        wv = new Float64Array(T);
        uv = new Float64Array(T);
        w.set(f, wv);
        u.set(f, uv);
      }
      wv[tag]! += delta;
      uv[tag]! += c * delta;
    }
  };
  const rand = mulberry32(42);
  const order = train.map((_, i) => i);
  const scores = new Float64Array(T);
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let tokens = 0;
    const started = Date.now();
    for (const di of order) {
      const memory = new Map<string, string>();
      for (const s of train[di]!) {
        const ctx = sentenceContext(s.tokens);
        const predicted: string[] = [];
        for (let i = 0; i < s.tokens.length; i++) {
          const prev = i > 0 ? predicted[i - 1]! : '<s>';
          const prev2 = i > 1 ? predicted[i - 2]! : '<s>';
          const feats = tokenFeatures(ctx, i, prev, prev2, gazetteer, memory);
          scores.fill(0);
          for (const f of feats) {
            const v = w.get(f);
            if (v) for (let t = 0; t < T; t++) scores[t]! += v[t]!;
          }
          let best = 0;
          let bestScore = -Infinity;
          for (let t = 0; t < T; t++) {
            if (!allowed(prev, TAGS[t]!)) continue;
            if (scores[t]! > bestScore) [best, bestScore] = [t, scores[t]!];
          }
          const gold = TAGS.indexOf(s.tags[i] as (typeof TAGS)[number]);
          if (best !== gold) {
            errors++;
            update(feats, gold, 1);
            update(feats, best, -1);
          }
          c++;
          tokens++;
          // The history is the model's own predictions, as it will be when tagging new text.
          predicted.push(TAGS[best]!);
        }
        remember(ctx.tokens, ctx.lower, predicted, memory);
      }
    }
    console.error(`epoch ${epoch}: ${errors} errors on ${tokens} tokens (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  // Averaged weights, pruned and quantised.
  const weights: Record<string, number[]> = {};
  let kept = 0;
  for (const [f, wv] of w) {
    const uv = u.get(f)!;
    const pairs: number[] = [];
    for (let t = 0; t < T; t++) {
      const avg = wv[t]! - uv[t]! / c;
      if (Math.abs(avg) >= PRUNE) pairs.push(t, Math.round(avg * SCALE));
    }
    if (pairs.length) {
      weights[f] = pairs;
      kept++;
    }
  }
  const data: NerModelData = { version: 1, tags: [...TAGS], weights, scale: SCALE, gazetteer: [...gazetteer.tokenTypes.entries()].sort() };
  const out = join(modelsDir(), 'ner.json.gz');
  const bytes = gzipSync(Buffer.from(JSON.stringify(data)), { level: 9 });
  writeFileSync(out, bytes);
  console.error(`kept ${kept} of ${w.size} features; wrote ${out} (${(bytes.length / 1048576).toFixed(2)} MB)`);
  const model = NerModel.fromData(data);
  const s = scoreSentences(dev, model);
  console.log(`dev (eng.testa) micro F1 ${s.f1.toFixed(4)} (P ${s.p.toFixed(4)} R ${s.r.toFixed(4)})`);
}

main();
