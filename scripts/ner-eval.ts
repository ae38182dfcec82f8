// Scores an entity-tagger model file the way settings are chosen for it (issue 15): CoNLL dev, and
// wikigold split in two fixed halves by a hash of the document number. The tuning half may be
// looked at; the held-out half is only ever scored (F1 and recall, never its errors), so its figure
// says how a setting chosen on dev and the tuning half does on Wikipedia text nobody tuned on.
// Also prints recall on names with a word the training split never shows ("unseen names"), and
// with --tag the same sets through the built `dossier tag` (lines with `doc`; default model only).
// Run: npx vite-node scripts/ner-eval.ts [model.bin.gz] [--tag]   (default: models/ner.bin.gz;
// --tag needs `npm run build` first)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDir } from '../src/paths.js';
import { hashString } from '../src/entities/ner/hash.js';
import { loadNerModel } from '../src/entities/ner/model.js';
import { readConll, scoreSentences, spans, type TaggedSentence } from '../src/bench/ner-score.js';
import { scoreTagCommand } from '../src/bench/ner-tag.js';

/** The wikigold half a document belongs to: 0 tuning, 1 held out. Fixed by the document number alone. */
function wikigoldHalf(doc: number): 0 | 1 {
  return (hashString(`wikigold-doc-${doc}`) & 1) as 0 | 1;
}

function wikigoldHalves(): [TaggedSentence[][], TaggedSentence[][]] {
  const halves: [TaggedSentence[][], TaggedSentence[][]] = [[], []];
  let last = -1;
  const path = join(benchDir('ner'), 'wikigold', 'wikigold.jsonl');
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line) as { doc: number; tokens: string[]; tags: string[] };
    const half = halves[wikigoldHalf(r.doc)];
    if (r.doc !== last) half.push([]);
    last = r.doc;
    half.at(-1)!.push({ tokens: r.tokens, tags: r.tags });
  }
  return halves;
}

/** Recall on gold names of which some word never occurs in the training text. */
function unseenRecall(docs: TaggedSentence[][], predicted: string[][][], trainWords: Set<string>): string {
  let gold = 0;
  let found = 0;
  docs.forEach((d, i) =>
    d.forEach((s, j) => {
      const pred = new Set(spans(predicted[i]![j]!));
      for (const g of spans(s.tags)) {
        const [a, b] = g.split(':').map(Number) as [number, number];
        if (s.tokens.slice(a, b).every((w) => trainWords.has(w))) continue;
        gold++;
        if (pred.has(g)) found++;
      }
    }),
  );
  return `${(found / (gold || 1)).toFixed(4)} of ${gold}`;
}

/** The sets through `dossier tag`, the wikigold halves written as JSON lines files of their own. */
function throughTag(): void {
  const dir = mkdtempSync(join(tmpdir(), 'ner-eval-'));
  try {
    const wiki = join(benchDir('ner'), 'wikigold', 'wikigold.jsonl');
    const lines = readFileSync(wiki, 'utf8').split('\n').filter(Boolean);
    const halfFile = (h: 0 | 1) => {
      const path = join(dir, `wikigold-${h}.jsonl`);
      writeFileSync(path, lines.filter((l) => wikigoldHalf((JSON.parse(l) as { doc: number }).doc) === h).join('\n') + '\n');
      return path;
    };
    const sets: [string, string][] = [
      ['CoNLL dev', join(benchDir('ner'), 'conll2003', 'testa.jsonl')],
      ['wikigold tuning half', halfFile(0)],
      ['wikigold held-out half', halfFile(1)],
      ['wikigold whole', wiki],
    ];
    for (const [name, path] of sets) {
      const s = scoreTagCommand(path, true);
      console.log(`${`${name}, tag`.padEnd(27)} F1 ${s.f1.toFixed(4)} (P ${s.p.toFixed(4)} R ${s.r.toFixed(4)})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const model = loadNerModel(args.find((a) => !a.startsWith('--')));
  const conll = join(benchDir('ner'), 'conll2003');
  const trainWords = new Set(readConll(join(conll, 'train.jsonl')).flatMap((d) => d.flatMap((s) => s.tokens)));
  const dev = readConll(join(conll, 'testa.jsonl'));
  const [tune, held] = wikigoldHalves();
  const sets: [string, TaggedSentence[][]][] = [
    ['CoNLL dev', dev],
    ['wikigold tuning half', tune],
    ['wikigold held-out half', held],
    ['wikigold whole', [...tune, ...held]],
  ];
  for (const [name, docs] of sets) {
    const s = scoreSentences(docs, model);
    const predicted = docs.map((d) => model.tagDocument(d.map((x) => x.tokens)));
    const types = Object.entries(s.byType)
      .sort()
      .map(([t, v]) => `${t} ${v.f1.toFixed(3)}`)
      .join(' ');
    console.log(`${name.padEnd(27)} F1 ${s.f1.toFixed(4)} (P ${s.p.toFixed(4)} R ${s.r.toFixed(4)}) ${types}; unseen-name recall ${unseenRecall(docs, predicted, trainWords)}`);
  }
  if (args.includes('--tag')) throughTag();
}

main();
