import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/quotes/index.js';

const speakers = (text: string, mentions = []) => findQuotes(text, { mentions }).map((q) => [q.text, q.speaker?.text ?? null, q.cueType, q.via?.text ?? null]);

describe('quotes', () => {
  it('finds the speaker after the quote, before it, through a relay, and by according to', () => {
    expect(speakers('“We will rebuild the harbour,” Mayor Ana Ruiz said on Monday.')).toEqual([['We will rebuild the harbour,', 'Mayor Ana Ruiz', 'verb', null]]);
    expect(speakers('Ana Ruiz said the plan would “change the valley for good.”')).toEqual([['change the valley for good.', 'Ana Ruiz', 'verb', null]]);
    expect(speakers('The agency quoted Ana Ruiz as saying that the aim is to “finish before winter.”')).toEqual([['finish before winter.', 'Ana Ruiz', 'quoted-as-saying', 'The agency']]);
    expect(speakers('"The bridge is safe," Ruiz said, according to Radio Norte.')).toEqual([['The bridge is safe,', 'Ruiz', 'verb', 'Radio Norte']]);
    expect(speakers('“Work starts in May,” a statement by the Port Authority said.')).toEqual([['Work starts in May,', 'Port Authority', 'statement', null]]);
  });

  it('resolves he to the nearest person and carries a speaker into an uncued quote paragraph', () => {
    const text = 'Ana Ruiz visited the dam.\n\n“It will hold,” she said. “We checked every bolt.”\n\n“And we will check again.”';
    const q = findQuotes(text, { mentions: [{ start: 0, end: 8, type: 'PERSON', entityKey: 'PERSON:ana ruiz' }] });
    expect(q.map((x) => [x.speaker?.entityKey, x.cueType])).toEqual([
      ['PERSON:ana ruiz', 'verb'],
      ['PERSON:ana ruiz', 'continuation'],
      ['PERSON:ana ruiz', 'continuation'],
    ]);
    expect(q[0]!.pronoun).toBe('she');
  });

  it('does not take apostrophes or one-word scare quotes for quotations', () => {
    expect(findQuotes("Iran's army and Syria’s allies met at the 'summit' on Monday.")).toEqual([]);
    expect(findQuotes('No quotation here at all.')).toEqual([]);
  });

  it('marks partial quotes inside the reporter\'s sentence', () => {
    const [q] = findQuotes('The minister said the deal was “a turning point” for the region.');
    expect(q).toMatchObject({ partial: true, speaker: { text: 'The minister' } });
  });
});
