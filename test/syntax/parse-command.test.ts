import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../src/cli/commands/parse.js';
import { readConllu } from '../../src/syntax/conllu.js';
import { loadSyntax } from '../../src/syntax/index.js';

const an = loadSyntax();

describe('dossier parse records', () => {
  it('answers {id, tokens} with the tokens as given, heads 1-based', () => {
    const out = JSON.parse(parseRecord({ id: 'x1', tokens: ['Voters', 'backed', 'the', 'plan', '.'] }, an, 'json')) as { id: string; tokens: { text: string; head: number; deprel: string }[] };
    expect(out.id).toBe('x1');
    expect(out.tokens.map((t) => t.text)).toEqual(['Voters', 'backed', 'the', 'plan', '.']);
    expect(out.tokens[1]).toMatchObject({ head: 0, deprel: 'root' });
    expect(out.tokens[0]).toMatchObject({ head: 2, deprel: 'nsubj' });
  });

  it('answers {id, text} with one entry per sentence', () => {
    const out = JSON.parse(parseRecord({ id: 7, text: 'Floods hit the coast. Thousands fled.' }, an, 'json')) as { id: number; sentences: { tokens: unknown[] }[] };
    expect(out.id).toBe(7);
    expect(out.sentences.map((s) => s.tokens.length)).toEqual([5, 3]);
  });

  it('writes CoNLL-U that reads back as the same sentences', () => {
    const text = parseRecord({ id: 'd', text: 'Floods hit the coast. Thousands fled.' }, an, 'conllu');
    const sents = readConllu(text);
    expect(sents.map((s) => s.id)).toEqual(['d-1', 'd-2']);
    expect(sents[1]!.words.map((w) => w.form)).toEqual(['Thousands', 'fled', '.']);
  });

  it('rejects a record with neither text nor tokens, naming what it needs', () => {
    expect(() => parseRecord({ id: 'bad' }, an, 'json')).toThrow(/text.*tokens/);
    expect(() => parseRecord({ id: 'bad', tokens: ['a', 3] }, an, 'json')).toThrow(/tokens/);
  });
});
