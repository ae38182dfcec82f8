import { describe, expect, it } from 'vitest';
import { splitSentences, tokenize } from '../../src/text/index.js';

const texts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));
const words = (text: string, start?: number, end?: number) => tokenize(text, start, end).map((t) => t.text);

describe('splitSentences', () => {
  it('keeps abbreviations, initials and titles inside the sentence', () => {
    const text = 'Maj. Gen. Ada Quill of the U.S. Coast Guard met Dr. B. Ortiz on Jan. 4 at 10 a.m. in Rome. Talks went well.';
    expect(texts(text)).toEqual(['Maj. Gen. Ada Quill of the U.S. Coast Guard met Dr. B. Ortiz on Jan. 4 at 10 a.m. in Rome.', 'Talks went well.']);
  });

  it('ends a sentence after an abbreviation when a typical sentence opener follows', () => {
    expect(texts('The talks moved to the U.S. They resumed at 3 p.m. Then both sides left.')).toEqual([
      'The talks moved to the U.S.',
      'They resumed at 3 p.m.',
      'Then both sides left.',
    ]);
  });

  it('keeps closing quotes with their sentence and splits on ! and ?', () => {
    expect(texts('"We will not yield," she said. "Will you?" he asked! Fine.')).toEqual(['"We will not yield," she said.', '"Will you?" he asked!', 'Fine.']);
  });

  it('always breaks at a blank line, even without punctuation', () => {
    expect(texts('A headline without a stop\n\nThe body starts here. It goes on.')).toEqual(['A headline without a stop', 'The body starts here.', 'It goes on.']);
  });

  it('does not break inside numbers or an ellipsis followed by lower case', () => {
    expect(texts('Prices rose 3.5 percent... then fell. Done.')).toEqual(['Prices rose 3.5 percent... then fell.', 'Done.']);
  });

  it('returns offsets into the original text', () => {
    const text = '  First one.   Second one!  ';
    const spans = splitSentences(text);
    expect(spans).toEqual([
      { start: 2, end: 12 },
      { start: 15, end: 26 },
    ]);
  });
});

describe('tokenize', () => {
  it('splits possessives, quotes, dashes and punctuation, and keeps numbers and hyphenated words whole', () => {
    const text = `Orla Venn's firm paid $1,250.75 for "state-of-the-art" gear — twice... (really).`;
    expect(words(text)).toEqual(['Orla', 'Venn', "'s", 'firm', 'paid', '$', '1,250.75', 'for', '"', 'state-of-the-art', '"', 'gear', '—', 'twice', '...', '(', 'really', ')', '.']);
  });

  it('keeps abbreviations with their dots and a sentence-final stop apart', () => {
    expect(words('Lt. Col. Reyes met U.S. envoys on Sept. 3, 1999-04-02 edition.')).toEqual(['Lt.', 'Col.', 'Reyes', 'met', 'U.S.', 'envoys', 'on', 'Sept.', '3', ',', '1999-04-02', 'edition', '.']);
  });

  it('gives offsets that slice back to each token, within a range', () => {
    const text = 'Skip this. “Curly quotes,” said Ms. Aho’s aide.';
    const start = text.indexOf('“');
    const tokens = tokenize(text, start, text.length);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toEqual(['“', 'Curly', 'quotes', ',', '”', 'said', 'Ms.', 'Aho', '’s', 'aide', '.']);
    expect(tokens[0]!.start).toBe(start);
  });
});

describe('tokenize: dotted forms', () => {
  it('keeps an initial, a state abbreviation and a title with their dots, and the pronoun I apart from a stop', () => {
    expect(words('R. Okoye of Calif. met Prof. Lind, and so did I.')).toEqual(['R.', 'Okoye', 'of', 'Calif.', 'met', 'Prof.', 'Lind', ',', 'and', 'so', 'did', 'I', '.']);
  });
});
