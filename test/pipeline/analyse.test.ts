// The analyser's components: the order is checked when the analyser is built, and each job runs
// only the layers it needs.
import { describe, expect, it } from 'vitest';
import { tokensWithSyntax } from '../../src/syntax/index.js';
import { checkOrder, createAnalyzer, type Component } from '../../src/pipeline/analyse.js';
import { defaultComponents, sentencesComponent, syntaxComponent, timesComponent } from '../../src/pipeline/components.js';

const needsMentions: Component = { name: 'needs-mentions', requires: ['mentions'], assigns: ['quotes'], run() {} };

describe('analysis components', () => {
  it('refuses an order in which a component reads a layer nobody made yet', () => {
    expect(() => checkOrder([sentencesComponent, needsMentions])).toThrow(/'needs-mentions' requires mentions/);
    expect(() => createAnalyzer([needsMentions])).toThrow(/requires mentions/);
  });

  it('gives every default job a valid order, and `tag` no event coding', () => {
    for (const job of ['all', 'tag', 'code'] as const) expect(() => checkOrder(defaultComponents(job))).not.toThrow();
    expect(defaultComponents('tag').map((c) => c.name)).not.toContain('events');
    expect(defaultComponents('code').map((c) => c.name)).toContain('events');
  });

  it('makes sentences with their tokens once, for every field, and later components read them', () => {
    const seen: number[] = [];
    const reader: Component = { name: 'reader', requires: ['sentences'], assigns: [], run: (f) => void seen.push(f.sentences.length) };
    const an = createAnalyzer([sentencesComponent, timesComponent, reader]);
    const { doc } = an.analyse({ id: 1, title: 'Talks resume in Oslo', dek: null, text: 'The talks began on Monday. They ended on 3 May 2021.', published: { value: '2021-05-05', timezone: null } });
    expect(doc.sentences.map((s) => [s.field, s.tokens.length])).toEqual([['title', 4], ['text', 6], ['text', 7]]);
    expect(seen).toEqual([1, 2]);
    expect(doc.times.map((t) => t.value)).toContain('2021-05-03');
  });

  it('adds the parse to the sentences\' tokens, before the event coder that reads it', () => {
    expect(() => checkOrder(defaultComponents('all').filter((c) => c.name !== 'syntax'))).toThrow(/'events' requires syntax/);
    const an = createAnalyzer([sentencesComponent, syntaxComponent]);
    const { doc } = an.analyse({ id: 1, title: null, dek: null, text: 'The ministers signed the treaty in Oslo.', published: null });
    const tokens = doc.sentences[0]!.tokens;
    expect(tokens.map((t) => t.upos)).toEqual(['DET', 'NOUN', 'VERB', 'DET', 'NOUN', 'ADP', 'PROPN', 'PUNCT']);
    const verb = tokens.findIndex((t) => t.lemma === 'sign');
    expect(tokens[verb]!.deprel).toBe('root');
    expect(tokens[1]!).toMatchObject({ lemma: 'minister', head: verb + 1, deprel: 'nsubj' });
    expect(tokens[4]!).toMatchObject({ head: verb + 1, deprel: 'obj' });
    // A later reader takes the layer as it stands rather than parsing again.
    tokens[4]!.deprel = 'iobj';
    expect(tokensWithSyntax(tokens)[4]!.deprel).toBe('iobj');
  });
});
