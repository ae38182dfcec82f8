// UD English-EWT dev on gold tokens: UPOS, lemma, UAS and LAS (universal relations, punctuation
// included) of the project's syntax model, and its speed (CPU time, tag + lemma + parse).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir } from '../paths.js';
import { readConllu } from '../syntax/conllu.js';
import { loadSyntax } from '../syntax/index.js';
import { combineScores, devHalves, scoreSyntax } from '../syntax/score.js';
import type { BenchReport, BenchRunner } from './report.js';

export const runner: BenchRunner = {
  description: 'part-of-speech tags, lemmas and dependency parses on UD English-EWT dev (gold tokens)',
  run(opts): Promise<BenchReport> {
    const file = join(benchDir('syntax'), 'ud-ewt', 'dev.conllu');
    const dev = readConllu(readFileSync(file, 'utf8')).slice(0, opts.limit);
    const t0 = process.cpuUsage();
    const an = loadSyntax();
    const load = process.cpuUsage(t0);
    // One untimed pass first, so the speed row measures compiled code, as in a long-running process.
    scoreSyntax(dev.slice(0, 200), (w) => an.parseTokens(w));
    const [first, second] = devHalves(dev);
    const a = scoreSyntax(first, (w) => an.parseTokens(w));
    const b = scoreSyntax(second, (w) => an.parseTokens(w));
    const s = combineScores(a, b);
    const three = (x: typeof a) => `${x.upos.toFixed(4)} / ${x.uas.toFixed(4)} / ${x.las.toFixed(4)}`;
    return Promise.resolve({
      name: 'syntax',
      items: `UD English-EWT dev, ${s.sentences} sentences, ${s.words} words, gold tokens`,
      rows: [
        { metric: 'UPOS accuracy', ours: s.upos, target: '>= 0.95', published: '' },
        { metric: 'lemma accuracy', ours: s.lemma },
        { metric: 'UAS', ours: s.uas, target: '>= 0.90', published: 'test: Stanza 0.90-0.91' },
        { metric: 'LAS (universal relations)', ours: s.las, target: '>= 0.87', published: 'test: Stanza 0.87-0.88, UDPipe 1.2 0.84-0.86' },
        { metric: 'UPOS / UAS / LAS, first half of dev (settings chosen on it)', ours: three(a) },
        { metric: 'UPOS / UAS / LAS, second half of dev (held out: errors never read)', ours: three(b) },
        { metric: 'words/s (CPU, tag + lemma + parse)', ours: Math.round(s.words / s.seconds), target: '>= 30000' },
        { metric: 'model load (CPU ms)', ours: Math.round((load.user + load.system) / 1000) },
      ],
      notes: ['LAS counts a word when its head and the universal part of its relation (before any colon) are right; punctuation is included.'],
    });
  },
};
