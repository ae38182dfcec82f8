import { describe, expect, it } from 'vitest';
import { lemmatize, type LemmaLexicon } from '../../src/syntax/lemmatizer.js';

// A tiny lexicon of our own, so the rules are tested apart from the trained model.
const lex: LemmaLexicon = {
  exceptions: new Map([['mice\tNOUN', 'mouse']]),
  nouns: new Set(['box', 'city', 'church', 'house', 'bus']),
  verbs: new Set(['stop', 'hope', 'carry', 'make', 'go']),
  adjectives: new Set(['big', 'happy', 'late']),
};

describe('lemmatize', () => {
  it('strips plural endings only to a WordNet noun', () => {
    expect(['boxes', 'cities', 'churches', 'houses', 'buses', 'mice'].map((w) => lemmatize(w, 'NOUN', lex))).toEqual(['box', 'city', 'church', 'house', 'bus', 'mouse']);
  });

  it('undoes verb endings, doubled consonants and a dropped e', () => {
    expect(['stopped', 'hoping', 'carries', 'makes', 'going'].map((w) => lemmatize(w, 'VERB', lex))).toEqual(['stop', 'hope', 'carry', 'make', 'go']);
  });

  it('undoes comparatives and keeps proper nouns as written', () => {
    expect(['bigger', 'happiest', 'later'].map((w) => lemmatize(w, 'ADJ', lex))).toEqual(['big', 'happy', 'late']);
    expect(lemmatize('Stevens', 'PROPN', lex)).toBe('Stevens');
    expect(lemmatize('The', 'DET', lex)).toBe('the');
  });
});
