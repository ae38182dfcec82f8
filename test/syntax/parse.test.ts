import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSyntax, parseText, parseTokens, type ParsedToken } from '../../src/syntax/index.js';
import { seedsDir } from '../../src/paths.js';

/** A well-formed tree: one word on the root, heads in range, no cycles. */
function isTree(tokens: ParsedToken[]): boolean {
  if (tokens.filter((t) => t.head === 0).length !== 1) return false;
  for (let i = 0; i < tokens.length; i++) {
    let h = i + 1;
    for (let steps = 0; h !== 0; steps++) {
      if (steps > tokens.length) return false;
      const t = tokens[h - 1];
      if (!t || t.head < 0 || t.head > tokens.length) return false;
      h = t.head;
    }
  }
  return tokens.every((t) => (t.head === 0) === (t.deprel === 'root'));
}

const word = (tokens: ParsedToken[], text: string) => tokens.findIndex((t) => t.text === text) + 1;
/** The words whose head is the given word, with their relations. */
const dependents = (tokens: ParsedToken[], head: number) => tokens.filter((t) => t.head === head).map((t) => `${t.deprel}:${t.text}`);

describe('parseTokens', () => {
  it('finds the subject and object of a plain news sentence', () => {
    const t = parseTokens('The minister rejected the offer on Monday .'.split(' '));
    expect(isTree(t)).toBe(true);
    const verb = word(t, 'rejected');
    expect(t[verb - 1]).toMatchObject({ upos: 'VERB', lemma: 'reject', head: 0, deprel: 'root' });
    expect(dependents(t, verb)).toEqual(expect.arrayContaining(['nsubj:minister', 'obj:offer', 'obl:Monday']));
  });

  it('keeps the tokens exactly as given, one sentence', () => {
    const words = ['Rebels', 'took', 'the', 'town', '.', 'Troops', 'left', '.'];
    const t = parseTokens(words);
    expect(t.map((x) => x.text)).toEqual(words);
    expect(isTree(t)).toBe(true);
  });

  it('parses a headline in capitals like the same words in lower case', () => {
    const upper = parseTokens('POLICE ARREST THREE MEN AFTER PROTEST IN CAPITAL'.split(' '));
    const lower = parseTokens('Police arrest three men after protest in capital'.split(' '));
    expect(upper.map((x) => x.head)).toEqual(lower.map((x) => x.head));
    expect(upper[1]).toMatchObject({ upos: 'VERB', deprel: 'root' });
    expect(upper[0]!.deprel).toBe('nsubj');
  });

  it('finds the clause of a sentence behind a dateline', () => {
    const t = parseTokens('KABUL , March 3 ( Newswire ) - Gunmen attacked a checkpoint near the airport , officials said .'.split(' '));
    expect(isTree(t)).toBe(true);
    const attacked = word(t, 'attacked');
    expect(dependents(t, attacked)).toEqual(expect.arrayContaining(['nsubj:Gunmen', 'obj:checkpoint']));
    expect(t[word(t, 'officials') - 1]!.deprel).toBe('nsubj');
  });

  it('makes the speaker of an inverted report the subject of "said"', () => {
    const t = parseTokens(['"', 'We', 'will', 'not', 'leave', ',', '"', 'said', 'Maria', 'Lopez', ',', 'a', 'union', 'leader', '.']);
    const said = word(t, 'said');
    expect(t[word(t, 'Maria') - 1]).toMatchObject({ head: said, deprel: 'nsubj' });
  });

  it('gives lemmas from the rules, WordNet and the treebank', () => {
    const t = parseTokens('The companies were running out of money and went to the banks .'.split(' '));
    const lemma = (w: string) => t[word(t, w) - 1]!.lemma;
    expect([lemma('companies'), lemma('were'), lemma('running'), lemma('went'), lemma('banks')]).toEqual(['company', 'be', 'run', 'go', 'bank']);
  });
});

describe('parseText', () => {
  it('splits and tokenizes with the project text layer, offsets into the text', () => {
    const text = 'Talks resumed in Vienna. Negotiators said a deal was close.';
    const s = parseText(text);
    expect(s).toHaveLength(2);
    for (const sent of s) for (const tok of sent.tokens) expect(text.slice(tok.start, tok.end)).toBe(tok.text);
    expect(s[1]!.tokens.find((x) => x.head === 0)?.text).toBe('said');
  });

  it('gives a well-formed tree for every sentence of the seed articles', () => {
    const dir = seedsDir();
    let sentences = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      for (const s of parseText(readFileSync(join(dir, f), 'utf8'))) {
        sentences++;
        expect(isTree(s.tokens), s.tokens.map((x) => x.text).join(' ')).toBe(true);
      }
    }
    expect(sentences).toBeGreaterThan(50);
  });

  it('loads the model once per process', () => {
    expect(loadSyntax()).toBe(loadSyntax());
  });
});
