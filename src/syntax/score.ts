// Scores a parser against CoNLL-U gold on gold tokens: UPOS and lemma accuracy, UAS and LAS over
// every word (punctuation included), LAS on the universal part of the relation, as in CoNLL 2018.
import { universalRelation, type ConlluSentence } from './conllu.js';
import type { ParsedToken } from './index.js';

export interface SyntaxScore {
  words: number;
  sentences: number;
  upos: number;
  lemma: number;
  uas: number;
  las: number;
  /** CPU seconds spent parsing (not wall time: the machine is shared). */
  seconds: number;
}

export function scoreSyntax(gold: ConlluSentence[], parse: (words: string[]) => ParsedToken[]): SyntaxScore {
  let words = 0, upos = 0, lemma = 0, uas = 0, las = 0;
  let seconds = 0;
  for (const s of gold) {
    const forms = s.words.map((w) => w.form);
    const t0 = process.cpuUsage();
    const out = parse(forms);
    const d = process.cpuUsage(t0);
    seconds += (d.user + d.system) / 1e6;
    s.words.forEach((g, i) => {
      const p = out[i]!;
      words++;
      if (p.upos === g.upos) upos++;
      if (p.lemma === g.lemma) lemma++;
      if (p.head === g.head) {
        uas++;
        if (universalRelation(p.deprel) === universalRelation(g.deprel)) las++;
      }
    });
  }
  return { words, sentences: gold.length, upos: upos / words, lemma: lemma / words, uas: uas / words, las: las / words, seconds };
}

/** Two scores as one (counts weighted by words). */
export function combineScores(a: SyntaxScore, b: SyntaxScore): SyntaxScore {
  const w = a.words + b.words;
  const avg = (k: 'upos' | 'lemma' | 'uas' | 'las') => (a[k] * a.words + b[k] * b.words) / w;
  return { words: w, sentences: a.sentences + b.sentences, upos: avg('upos'), lemma: avg('lemma'), uas: avg('uas'), las: avg('las'), seconds: a.seconds + b.seconds };
}

/**
 * Dev split by document into a first half (for choosing settings) and a second half whose
 * errors are never read, so its figure stands for unseen data.
 */
export function devHalves(dev: ConlluSentence[]): [ConlluSentence[], ConlluSentence[]] {
  const docOf = (id: string) => id.replace(/-\d+$/, '');
  const docs = [...new Set(dev.map((s) => docOf(s.id)))];
  const firstHalf = new Set(docs.slice(0, Math.ceil(docs.length / 2)));
  return [dev.filter((s) => firstHalf.has(docOf(s.id))), dev.filter((s) => !firstHalf.has(docOf(s.id)))];
}
