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
  seconds: number;
}

export function scoreSyntax(gold: ConlluSentence[], parse: (words: string[]) => ParsedToken[]): SyntaxScore {
  let words = 0, upos = 0, lemma = 0, uas = 0, las = 0;
  let seconds = 0;
  for (const s of gold) {
    const forms = s.words.map((w) => w.form);
    const t0 = process.hrtime.bigint();
    const out = parse(forms);
    seconds += Number(process.hrtime.bigint() - t0) / 1e9;
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
