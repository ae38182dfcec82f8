import { describe, expect, it } from 'vitest';
import { capitalisedPhrases, DocumentFrequencies, extractFeatures, fullDates, soundex, stem } from '../../src/stories/features.js';

describe('document features', () => {
  const text = [
    'Flood waters reached the town of Brackenford on March 3 , 2021 , officials said .',
    'The River Ouseley rose 4.7 metres and 1,250 homes were evacuated , said Mayor Elena Voss .',
    'Voss said the 2019 flood was smaller .',
  ].join('\n');

  it('finds names, numbers, years and full dates', () => {
    const f = extractFeatures({ text });
    expect([...f.phrases.keys()]).toEqual(expect.arrayContaining(['brackenford', 'river ouseley', 'mayor elena voss', 'voss']));
    expect(f.phrases.get('voss')).toBe(2);
    expect([...f.numbers].sort()).toEqual(['1250', '4.7']);
    expect([...f.years].sort()).toEqual([2019, 2021]);
    expect([...f.dates]).toEqual(['2021-03-03']);
    // The date sits in the opening lines, so it stands for the article's own time.
    expect(f.time).toBe(Date.UTC(2021, 2, 3) / 86_400_000);
  });

  it('keeps lower-case words apart from names', () => {
    const f = extractFeatures({ text });
    expect(f.words.has('flood')).toBe(true);
    expect(f.words.has('voss')).toBe(false);
    expect(f.terms.has('voss')).toBe(true);
  });

  it('prefers the publication date when given', () => {
    expect(extractFeatures({ text, published: '2021-03-05T10:00:00Z' }).time).toBe(Date.UTC(2021, 2, 5) / 86_400_000);
  });

  it('skips sentence-initial common words and title-case headlines', () => {
    expect(capitalisedPhrases('The Minister Arrives In Town For Talks Today\nThe talks began .')).toEqual([]);
    expect(capitalisedPhrases('However , Anna Lindqvist arrived .')).toContain('anna lindqvist');
  });

  it('reads numeric and day-month dates', () => {
    expect(fullDates('on 05/02/2013 and 4 August 2013').map((d) => d.iso)).toEqual(['2013-05-02', '2013-08-04']);
  });

  it('stems plurals and gives transliteration variants one sound key', () => {
    expect(stem('quakes')).toBe('quake');
    expect(stem('casualties')).toBe('casualty');
    expect(soundex('Qaddafi')).toBe(soundex('Gaddafi'));
    expect(soundex('Qaddafi')).not.toBe(soundex('Mubarak'));
  });

  it('keeps document frequencies incrementally and survives JSON', () => {
    const df = new DocumentFrequencies();
    df.add(['a', 'b']);
    df.add(['a']);
    expect(df.idf('a')).toBeLessThan(df.idf('b'));
    expect(df.idf('b')).toBeLessThan(df.idf('never'));
    const back = DocumentFrequencies.fromJSON(JSON.parse(JSON.stringify(df.toJSON())));
    expect(back.idf('b')).toBe(df.idf('b'));
  });
});
