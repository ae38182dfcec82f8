import { describe, expect, it } from 'vitest';
import { readConllu, universalRelation, writeConllu } from '../../src/syntax/conllu.js';

const SAMPLE = [
  '# sent_id = a-1',
  '# text = Prices rose.',
  '1\tPrices\tprice\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_',
  '2-3\tdon\'t\t_\t_\t_\t_\t_\t_\t_\t_',
  '2\trose\trise\tVERB\tVBD\t_\t0\troot\t_\t_',
  '2.1\tgone\tgo\tVERB\t_\t_\t_\t_\t_\t_',
  '3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_',
  '',
].join('\n');

describe('CoNLL-U', () => {
  it('reads syntactic words and skips multi-word tokens and empty nodes', () => {
    const [s] = readConllu(SAMPLE);
    expect(s!.id).toBe('a-1');
    expect(s!.words.map((w) => `${w.form}/${w.upos}/${w.head}/${w.deprel}`)).toEqual(['Prices/NOUN/2/nsubj', 'rose/VERB/0/root', './PUNCT/2/punct']);
  });

  it('writes what it reads back', () => {
    const [s] = readConllu(SAMPLE);
    const text = writeConllu(s!.words.map((w) => ({ text: w.form, lemma: w.lemma, upos: w.upos, feats: w.feats, head: w.head, deprel: w.deprel })), ['sent_id = a-1']);
    expect(readConllu(text)[0]!.words).toEqual(s!.words);
  });

  it('keeps the universal part of a relation', () => {
    expect(universalRelation('nmod:poss')).toBe('nmod');
    expect(universalRelation('obj')).toBe('obj');
  });
});
