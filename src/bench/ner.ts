// Named entities: CoNLL-2003 dev (eng.testa), wikigold and MEANTIME (out of domain), exact-span
// micro F1, and tagging speed in tokens per second (model loading excluded).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir } from '../paths.js';
import { loadNerModel, tagText } from '../entities/ner/index.js';
import { readConll, scoreCounts, scoreSentences, type NerScore } from './ner-score.js';
import { scoreTagCommand, tagStartup } from './ner-tag.js';
import type { BenchReport, BenchRow, BenchRunner } from './report.js';

interface MeantimeDoc {
  text: string;
  entity_mentions: { start: number; end: number; type: string | null; syntactic_type: string }[];
}

/** MEANTIME names (NAM, PRE.NAM) against our spans, by character offsets, with types and without. */
function scoreMeantime(limit?: number): { typed: ReturnType<typeof scoreCounts>; untyped: ReturnType<typeof scoreCounts> } {
  const model = loadNerModel();
  const lines = readFileSync(join(benchDir('ner'), 'meantime', 'entities.jsonl'), 'utf8').split('\n').filter(Boolean);
  const typed: { gold: string[]; pred: string[] }[] = [];
  const untyped: { gold: string[]; pred: string[] }[] = [];
  // MEANTIME's PRO (products) and FIN have no CoNLL type; they count as MISC.
  const map: Record<string, string> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC', PRO: 'MISC', FIN: 'MISC', MIX: 'MISC' };
  for (const line of lines.slice(0, limit ?? lines.length)) {
    const d = JSON.parse(line) as MeantimeDoc;
    const gold = d.entity_mentions.filter((m) => m.syntactic_type === 'NAM' || m.syntactic_type === 'PRE.NAM');
    const pred = tagText(model, d.text);
    typed.push({ gold: gold.map((g) => `${g.start}:${g.end}:${map[g.type ?? ''] ?? 'MISC'}`), pred: pred.map((p) => `${p.start}:${p.end}:${p.type}`) });
    untyped.push({ gold: gold.map((g) => `${g.start}:${g.end}:X`), pred: pred.map((p) => `${p.start}:${p.end}:X`) });
  }
  return { typed: scoreCounts(typed), untyped: scoreCounts(untyped) };
}

function typeRows(label: string, s: NerScore | ReturnType<typeof scoreCounts>): BenchRow[] {
  return Object.entries(s.byType)
    .sort()
    .map(([t, v]) => ({ metric: `${label} ${t} F1`, ours: v.f1 }));
}

export const runner: BenchRunner = {
  description: 'named entities on CoNLL-2003 dev, wikigold and MEANTIME',
  async run(opts): Promise<BenchReport> {
    const model = loadNerModel();
    const dev = readConll(join(benchDir('ner'), 'conll2003', 'testa.jsonl'), opts.limit);
    scoreSentences(dev, model); // warm-up, so that the timed passes measure steady-state speed
    const timed = [scoreSentences(dev, model), scoreSentences(dev, model), scoreSentences(dev, model)];
    const conll = { ...timed[0]!, seconds: Math.min(...timed.map((t) => t.seconds)), cpuSeconds: Math.min(...timed.map((t) => t.cpuSeconds)) };
    const wiki = scoreSentences(readConll(join(benchDir('ner'), 'wikigold', 'wikigold.jsonl'), opts.limit), model);
    const mt = scoreMeantime(opts.limit ? Math.ceil(opts.limit / 100) : undefined);
    // The command as a user runs it (the built CLI in a child process): with and without `doc`.
    const devPath = join(benchDir('ner'), 'conll2003', 'testa.jsonl');
    const viaTag = scoreTagCommand(devPath, true, opts.limit);
    const viaTagLines = scoreTagCommand(devPath, false, opts.limit);
    const wikiTag = scoreTagCommand(join(benchDir('ner'), 'wikigold', 'wikigold.jsonl'), true, opts.limit);
    const startups = [tagStartup(), tagStartup(), tagStartup()];
    const cpuOf = (r: { cpuSeconds: number | null; seconds: number }) => r.cpuSeconds ?? r.seconds;
    const startup = Math.min(...startups.map(cpuOf));
    return {
      name: 'ner',
      items: `CoNLL-2003 testa ${conll.tokens} tokens; wikigold ${wiki.tokens} tokens; MEANTIME 30 docs (names only)`,
      rows: [
        { metric: 'CoNLL-2003 dev micro F1', ours: conll.f1, target: '>= 0.93', published: 'test split: Flair 0.931, Stanza 0.921, spaCy trf 0.916' },
        { metric: 'CoNLL-2003 dev P / R', ours: `${conll.p.toFixed(4)} / ${conll.r.toFixed(4)}` },
        ...typeRows('CoNLL-2003 dev', conll),
        { metric: 'wikigold micro F1', ours: wiki.f1, published: 'none' },
        { metric: 'MEANTIME names F1 (types mapped)', ours: mt.typed.f1, published: 'none' },
        { metric: 'MEANTIME names F1 (spans only)', ours: mt.untyped.f1 },
        { metric: 'CoNLL-2003 dev through `dossier tag`, lines with `doc`, micro F1', ours: viaTag.f1, target: '>= 0.935' },
        { metric: 'CoNLL-2003 dev through `dossier tag`, one sentence per line, micro F1', ours: viaTagLines.f1 },
        { metric: 'wikigold through `dossier tag` with `doc`, micro F1', ours: wikiTag.f1, target: '>= 0.72' },
        { metric: '`dossier tag` whole command, tokens per CPU second (CoNLL dev with `doc`, start-up included)', ours: Math.round(viaTag.tokens / cpuOf(viaTag.run)), target: '>= 50,000' },
        { metric: '`dossier tag` whole command, tokens per wall-clock second (shared machine)', ours: Math.round(viaTag.tokens / viaTag.run.seconds) },
        { metric: '`dossier tag` start-up on empty input, CPU seconds (best of 3)', ours: startup, target: '<= 0.5' },
        { metric: 'tokens per CPU second (one core, CoNLL dev)', ours: Math.round(conll.tokens / conll.cpuSeconds), target: '>= 200,000' },
        { metric: 'tokens per wall-clock second (shared machine)', ours: Math.round(conll.tokens / conll.seconds) },
      ],
      notes: [
        'the held-back test split usually scores 3-4 points below the dev split',
        'speed: best of three passes over CoNLL dev after one warm-up pass, model load excluded; CPU time of this process (the machine is shared)',
        'MEANTIME: NAM and PRE.NAM mentions only; PRO, FIN and MIX count as MISC; the text is tagged through tagText (our own sentences and tokens), matched by character offsets',
        'wikigold: its own PER/ORG/LOC/MISC labels, scored on its tokens',
        '`dossier tag` rows: the built CLI (bin/dossier.js, run `npm run build` first) in a child process fed the JSON lines file; resolved types map back to CoNLL types (PERSON PER, GPE and LOC LOC, NORP and MISC MISC); CPU time is the child\'s user + system time from /usr/bin/time',
      ],
    };
  },
};
