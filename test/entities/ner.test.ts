import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNerModel, tagText, tagTokens, type NerModel } from '../../src/entities/ner/index.js';
import { bilouToBio, bioToBilou } from '../../src/entities/ner/tags.js';
import { readConll, scoreCounts, scoreSentences, spans } from '../../src/bench/ner-score.js';
import { benchDir } from '../../src/paths.js';

let model: NerModel;
beforeAll(() => {
  model = loadNerModel();
});

describe('exact-span scorer', () => {
  it('reads spans from BIO tags, a type change or a stray I- opening a new span', () => {
    expect(spans(['B-PER', 'I-PER', 'O', 'B-LOC', 'I-ORG', 'I-ORG', 'B-MISC'])).toEqual(['0:2:PER', '3:4:LOC', '4:6:ORG', '6:7:MISC']);
    expect(spans(['O', 'I-LOC', 'I-LOC'])).toEqual(['1:3:LOC']);
  });

  it('counts only exact start, end and type as a hit', () => {
    // Gold: PER 0-2, LOC 3-4, ORG 5-7. Predicted: PER 0-2 (hit), LOC 3-4 as ORG (miss), ORG 5-6 (short: miss), MISC 8-9 (spurious).
    const gold = spans(['B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'B-ORG', 'I-ORG', 'O', 'O']);
    const pred = spans(['B-PER', 'I-PER', 'O', 'B-ORG', 'O', 'B-ORG', 'O', 'O', 'B-MISC']);
    const s = scoreCounts([{ gold, pred }]);
    expect(s.p).toBeCloseTo(1 / 4);
    expect(s.r).toBeCloseTo(1 / 3);
    expect(s.f1).toBeCloseTo((2 * (1 / 4) * (1 / 3)) / (1 / 4 + 1 / 3));
    expect(s.byType.PER).toMatchObject({ p: 1, r: 1, f1: 1, gold: 1 });
    expect(s.byType.LOC).toMatchObject({ r: 0, gold: 1 });
    expect(s.byType.ORG).toMatchObject({ p: 0, r: 0, gold: 1 });
  });
});

describe('tags', () => {
  it('converts BIO to BILOU and back', () => {
    const bio = ['B-PER', 'I-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'O', 'I-ORG'];
    expect(bilouToBio(bioToBilou(bio))).toEqual(['B-PER', 'I-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'O', 'B-ORG']);
  });
});

describe('entity tagger', () => {
  it('tags a person after "said" and the places in a made-up report', () => {
    const text = '"We will not sign the deal," said Maria Lindqvist, a spokeswoman for the government in Stockholm. Sweden and Norway will meet again next week.';
    const got = tagText(model, text).map((e) => `${e.type}:${e.text}`);
    expect(got).toContain('PER:Maria Lindqvist');
    expect(got).toContain('LOC:Stockholm');
    expect(got).toContain('LOC:Sweden');
    expect(got).toContain('LOC:Norway');
    for (const e of tagText(model, text)) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('tags organisations and nationalities in a tokenised sentence', () => {
    const tokens = ['The', 'United', 'Nations', 'said', 'French', 'troops', 'would', 'leave', 'Mali', 'by', 'March', '.'];
    const tags = tagTokens(model, tokens);
    expect(tags.slice(0, 3)).toEqual(['O', 'B-ORG', 'I-ORG']);
    expect(tags[4]).toBe('B-MISC');
    expect(tags[8]).toBe('B-LOC');
    expect(tags[10]).toBe('O');
  });

  it('handles empty input', () => {
    expect(tagText(model, '')).toEqual([]);
    expect(tagTokens(model, [])).toEqual([]);
  });

  it('reads an all-caps headline and a dateline before the body', () => {
    const text = 'FLOODS CUT ROADS ACROSS PORTUGAL\n\nLISBON 2026-03-02\n\nHeavy rain closed roads across Portugal on Monday, the interior ministry said.';
    const got = tagText(model, text).map((e) => `${e.type}:${e.text}`);
    expect(got).toContain('LOC:LISBON');
    expect(got).toContain('LOC:Portugal');
  });

  it('tags nothing in plain lower-case text', () => {
    expect(tagText(model, 'the weather was mild and the shops stayed open late.')).toEqual([]);
  });

  it('reaches a floor on the first 300 CoNLL-2003 dev sentences', () => {
    const docs = readConll(join(benchDir('ner'), 'conll2003', 'testa.jsonl'), 300);
    const s = scoreSentences(docs, model);
    expect(s.f1).toBeGreaterThan(0.93);
  });
});

// Exact output of the shipped model on made-up text: a guard for speed work on the tagger, which
// must not change a single tag. These are the model's tags as they stand (mistakes included, such
// as 'Zürich' as MISC), not gold; only a retrained model may change them.
describe('entity tagger output is pinned', () => {
  const harbour = [
    'HARBOUR STRIKE ENDS IN VALDORIA',
    '',
    'PORT SERENA 2026-04-11',
    '',
    'Dock workers in Port Serena returned to work on Friday after the Valdorian Transport Union accepted a pay offer from Meridian Shipping.',
    'Union leader Tomasz Okafor said the deal would hold until 2028.',
    'Okafor told reporters in Port Serena that Meridian had agreed to hire 300 new staff.',
    'Meridian Shipping shares rose 4.2 percent in Lisbon.',
  ].join('\n');
  const marathon =
    "Élodie Brunner-Søndergaard, 34, won the Zürich marathon on Sunday, ahead of Kenya's Daniel Kiprotich and the Ethiopian runner Abebe Girma. Brunner-Søndergaard said the course through Zürich was fast.";
  const spans = (text: string) => tagText(model, text).map((e) => `${e.type}:${e.text}`);

  it('tags a headline, a dateline and names repeated through a document', () => {
    expect(spans(harbour)).toEqual([
      'LOC:VALDORIA', 'LOC:PORT SERENA', 'LOC:Port Serena', 'ORG:Valdorian Transport Union', 'ORG:Meridian Shipping', 'ORG:Union',
      'PER:Tomasz Okafor', 'PER:Okafor', 'LOC:Port Serena', 'ORG:Meridian', 'ORG:Meridian Shipping', 'LOC:Lisbon',
    ]);
  });

  it('tags names with letters outside ASCII', () => {
    expect(spans(marathon)).toEqual([
      'PER:Élodie Brunner-Søndergaard', 'LOC:Zürich', 'LOC:Kenya', 'PER:Daniel Kiprotich', 'MISC:Ethiopian', 'PER:Abebe Girma',
      'ORG:Brunner-Søndergaard', 'LOC:Zürich',
    ]);
  });

  it('tags a sentence of over 200 tokens (longer than the decoder first allocates for)', () => {
    const text = Array.from({ length: 12 }, (_, i) => `Officials from Brazil, Chile and the European Commission met in Geneva for round ${i + 1} of talks`).join(', ') + '.';
    const one = ['LOC:Brazil', 'LOC:Chile', 'ORG:European Commission', 'LOC:Geneva'];
    expect(spans(text)).toEqual(Array.from({ length: 12 }, () => one).flat());
  });

  it('gives the second sentence of a document the person the first pass found in the first', () => {
    const doc = [
      ['Shares', 'of', 'Nordvik', 'Energy', 'fell', 'after', 'Anna', 'Berg', 'left', 'the', 'board', 'in', 'Oslo', '.'],
      ['Berg', 'joined', 'Nordvik', 'in', '2019', '.'],
    ];
    expect(model.tagDocument(doc)).toEqual([
      ['O', 'O', 'B-ORG', 'I-ORG', 'O', 'O', 'B-PER', 'I-PER', 'O', 'O', 'O', 'O', 'B-LOC', 'O'],
      ['B-PER', 'O', 'B-LOC', 'O', 'O', 'O'],
    ]);
  });

  it('keeps no state between documents (buffers reused across calls)', () => {
    const before = spans(harbour);
    spans(marathon);
    tagTokens(model, ['A', 'B', 'C']);
    expect(spans(harbour)).toEqual(before);
  });
});
